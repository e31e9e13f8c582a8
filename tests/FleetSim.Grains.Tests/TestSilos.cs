using FleetSim.Grains.Audit;
using Microsoft.Extensions.Configuration;

namespace FleetSim.Grains.Tests;

/// <summary>
/// The FleetSim section of the tests' silos, given in memory: they are wired as every silo is,
/// through <see cref="SiloSetup.AddFleetSim"/>. State stays in memory unless a test names a store.
/// </summary>
public static class TestSilos
{
    public static IConfiguration Settings(string auditStore, string stateStore = FleetSimSiloOptions.InMemory, string? keyFile = null,
        AuditDurability durability = AuditDurability.Batched)
    {
        var settings = new Dictionary<string, string?>
        {
            ["FleetSim:AuditStore"] = auditStore,
            ["FleetSim:StateStore"] = stateStore,
            ["FleetSim:AuditDurability"] = durability.ToString(),
        };
        if (keyFile is not null)
            settings["FleetSim:KeyFile"] = keyFile;
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
