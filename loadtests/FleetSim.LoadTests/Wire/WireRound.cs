namespace FleetSim.LoadTests.Wire;

/// <summary>One measured round of one client against one server.</summary>
/// <param name="Connections">Connections that logged in, ran `select 1` and closed.</param>
/// <param name="Seconds">The measured time (warm-up excluded).</param>
/// <param name="ClientCpuSeconds">User + system CPU of the load-generating process over the round.</param>
/// <param name="ServerCpuSeconds">User + system CPU of the server's process over the round (mariadbd; for FleetSim the benchmark process, which runs the silo and listeners and waits).</param>
/// <param name="Errors">Connections that failed.</param>
/// <param name="FirstError">What the first failure said.</param>
public sealed record WireRound(long Connections, double Seconds, double ClientCpuSeconds, double ServerCpuSeconds, long Errors = 0, string? FirstError = null)
{
    public static WireRound Failed(string error) => new(0, 0, 0, 0, 1, error);
}
