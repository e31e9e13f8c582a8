using FleetSim.AuditStore;
using FleetSim.Grains.Audit;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace FleetSim.Grains;

/// <summary>
/// Reads silo.json as the silo host does, so that the CLI finds a running silo's files where the
/// silo keeps them: relative paths are relative to the working directory, defaults under data/.
/// </summary>
public static class SiloConfiguration
{
    /// <summary>The file with environment variables over it (Orleans__ClusterId, FleetSim__AuditStore, ...).</summary>
    public static IConfiguration Read(string path) =>
        new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path)).AddEnvironmentVariables().Build();

    /// <summary>The FleetSim section: audit store, state store (full paths, or redis:// locations), key file and audit durability.</summary>
    /// <exception cref="SiloConfigurationException">A setting has a value FleetSim does not know.</exception>
    public static FleetSimSiloOptions Options(IConfiguration configuration)
    {
        var section = configuration.GetSection("FleetSim");
        return new FleetSimSiloOptions
        {
            AuditStore = Location(section["AuditStore"] ?? Path.Combine("data", "audit.db")),
            StateStore = Location(section["StateStore"] ?? Path.Combine("data", "state.db")),
            KeyFilePath = Path.GetFullPath(section["KeyFile"] ?? Path.Combine("data", "service-keys.json")),
            AuditDurability = section["AuditDurability"] is { } durability
                ? ParseDurability(durability) ?? throw new SiloConfigurationException($"FleetSim:AuditDurability: '{durability}' is not {DurabilityNames}")
                : AuditDurability.Batched,
        };
    }

    public const string DurabilityNames = "batched or acknowledged";

    /// <summary>"batched" or "acknowledged", any case; null for anything else.</summary>
    public static AuditDurability? ParseDurability(string text) =>
        Enum.TryParse<AuditDurability>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    /// <summary>The Orleans ServiceId the silos run under: what a Redis state store prefixes their keys with.</summary>
    public static string ServiceId(IConfiguration configuration) => configuration["Orleans:ServiceId"] ?? ClusterOptions.DefaultServiceId;

    // A redis:// location is kept as written; a file is made absolute.
    private static string Location(string value) => AuditStores.IsRedis(value) ? value : Path.GetFullPath(value);
}
