namespace FleetSim.Cli.Tests;

/// <summary>
/// The tests that run `fleetsim serve` and real mariadb clients: one after another, sharing one
/// serve where they can, as each serve starts an embedded silo on a 2-core machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServeCollection : ICollectionFixture<ServedFleet>
{
    public const string Name = "serve";
}
