namespace FleetSim.LoadTests.Wire;

/// <summary>One client against one server: its rounds, and the figures over all of them.</summary>
public sealed record WireCell(string Target, IReadOnlyList<WireRound> Rounds)
{
    public double ConnectionsPerSecond => Seconds > 0 ? Connections / Seconds : 0;

    /// <summary>The client's CPU per connection, in microseconds: on shared cores, part of what both servers' figures cost.</summary>
    public double? ClientCpuMicrosecondsPerConnection => PerConnection(Rounds.Sum(r => r.ClientCpuSeconds));

    public double? ServerCpuMicrosecondsPerConnection => PerConnection(Rounds.Sum(r => r.ServerCpuSeconds));

    public long Connections => Rounds.Sum(r => r.Connections);

    public double Seconds => Rounds.Sum(r => r.Seconds);

    public long Errors => Rounds.Sum(r => r.Errors);

    public string? FirstError => Rounds.Select(r => r.FirstError).FirstOrDefault(e => e is not null);

    private double? PerConnection(double cpuSeconds) => Connections > 0 ? cpuSeconds * 1e6 / Connections : null;
}
