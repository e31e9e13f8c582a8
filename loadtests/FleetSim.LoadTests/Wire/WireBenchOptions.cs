namespace FleetSim.LoadTests.Wire;

/// <param name="SecondsPerCell">Measured time of one client against one server, split over the rounds.</param>
/// <param name="Rounds">Rounds per cell, each server's alternated with the other's so that a machine whose speed drifts hurts both alike.</param>
/// <param name="Concurrency">Clients connecting at once.</param>
/// <param name="FleetSimOnly">Measure FleetSim alone (no real MariaDB server, no ratios).</param>
/// <param name="OutputFolder">wire.md and wire.json.</param>
/// <param name="CommandLine">How the run was asked for, quoted in wire.md.</param>
public sealed record WireBenchOptions(double SecondsPerCell, int Rounds, int Concurrency, bool FleetSimOnly, string OutputFolder, string CommandLine)
{
    /// <summary>The database mariadb-slap logs in to (--create-schema), created on the real server.</summary>
    public const string SlapDatabase = "slap";

    public TimeSpan RoundLength => TimeSpan.FromSeconds(SecondsPerCell / Rounds);

    /// <summary>Each MySqlConnector client process warms up (JIT, TLS) before its round is measured.</summary>
    public TimeSpan WarmUp => TimeSpan.FromSeconds(Math.Min(1, SecondsPerCell / Rounds));
}
