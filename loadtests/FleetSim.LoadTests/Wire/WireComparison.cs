namespace FleetSim.LoadTests.Wire;

/// <summary>One case's two cells, measured in the same run with their rounds alternated, and FleetSim's ratio to the real server.</summary>
/// <param name="MariaDb">Null with --fleetsim-only.</param>
public sealed record WireComparison(string Client, string Tls, double Aim, WireCell? MariaDb, WireCell FleetSim)
{
    public double? Ratio => MariaDb is { ConnectionsPerSecond: > 0 } baseline ? FleetSim.ConnectionsPerSecond / baseline.ConnectionsPerSecond : null;

    public bool? MeetsAim => Ratio is { } ratio ? ratio >= Aim : null;

    public long Errors => FleetSim.Errors + (MariaDb?.Errors ?? 0);
}
