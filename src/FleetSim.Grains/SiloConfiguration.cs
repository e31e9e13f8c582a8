using FleetSim.AuditStore;
using FleetSim.Grains.Audit;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace FleetSim.Grains;

/// <summary>
/// Reads a silo's configuration as the silo itself does (<see cref="SiloSetup.AddFleetSim"/>), so
/// that the CLI finds a running silo's files where the silo keeps them.
/// </summary>
public static class SiloConfiguration
{
    /// <summary>The file with environment variables over it (Orleans__ClusterId, FleetSim__AuditStore, ...).</summary>
    public static IConfiguration Read(string path) =>
        new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path)).AddEnvironmentVariables().Build();

    /// <summary>The FleetSim section with the silo's defaults, paths made absolute, checked as a silo checks it at start.</summary>
    /// <exception cref="SiloConfigurationException">A setting has a value FleetSim does not know.</exception>
    public static FleetSimSiloOptions Options(IConfiguration configuration)
    {
        var options = Bind(configuration);
        var result = new FleetSimSiloOptionsValidation().Validate(null, options);
        return result.Failed ? throw new SiloConfigurationException(result.FailureMessage) : options;
    }

    public const string DurabilityNames = "batched or acknowledged";

    /// <summary>"batched" or "acknowledged", any case; null for anything else.</summary>
    public static AuditDurability? ParseDurability(string text) =>
        Enum.TryParse<AuditDurability>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _) ? value : null;

    /// <summary>The Orleans ServiceId the silos run under: what a Redis state store prefixes their keys with.</summary>
    public static string ServiceId(IConfiguration configuration) => configuration["Orleans:ServiceId"] ?? ClusterOptions.DefaultServiceId;

    /// <summary>The section bound over the defaults, not yet checked (a silo checks as it starts).</summary>
    internal static FleetSimSiloOptions Bind(IConfiguration configuration)
    {
        var options = new FleetSimSiloOptions();
        configuration.GetSection(FleetSimSiloOptions.Section).Bind(options);
        MakeAbsolute(options);
        return options;
    }

    /// <summary>
    /// Files made absolute against the working directory, once, so that what the silo opens and
    /// what the CLI prints are the same path; redis:// locations and the in-memory state stay as written.
    /// </summary>
    internal static void MakeAbsolute(FleetSimSiloOptions options)
    {
        options.AuditStore = Location(options.AuditStore);
        if (!options.KeepsStateInMemory)
            options.StateStore = Location(options.StateStore);
        options.KeyFile = Location(options.KeyFile);
    }

    private static string Location(string value) =>
        string.IsNullOrWhiteSpace(value) || AuditStores.IsRedis(value) ? value : Path.GetFullPath(value);
}
