namespace FleetSim.Harness;

/// <summary>How a run shows its progress.</summary>
public enum ConsoleMode
{
    /// <summary>A live table on a terminal; plain lines when the output is redirected (<see cref="Console.IsOutputRedirected"/>).</summary>
    Auto,

    /// <summary>Always the live table (Spectre.Console).</summary>
    Live,

    /// <summary>Always one plain line per scenario per tick, then the summary.</summary>
    Plain,

    /// <summary>Nothing: for tests and hosts that print the result themselves.</summary>
    Off,
}
