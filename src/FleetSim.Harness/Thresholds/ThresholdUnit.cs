namespace FleetSim.Harness;

/// <summary>The unit a threshold's limit was written in.</summary>
public enum ThresholdUnit
{
    /// <summary>None: a count, a rate, or milliseconds for a latency written without a unit.</summary>
    None,

    /// <summary>"us" (or "µs").</summary>
    Microseconds,

    /// <summary>"ms".</summary>
    Milliseconds,

    /// <summary>"s".</summary>
    Seconds,

    /// <summary>"%", for fail.rate.</summary>
    Percent,
}
