using Microsoft.Extensions.Options;

namespace FleetSim.Grains;

/// <summary>What a silo refuses to start with, each problem named as its configuration key.</summary>
internal sealed class FleetSimSiloOptionsValidation : IValidateOptions<FleetSimSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, FleetSimSiloOptions options)
    {
        List<string> problems = [];
        if (SiloConfiguration.ParseDurability(options.AuditDurabilityName) is null)
            problems.Add($"{Key("AuditDurability")}: '{options.AuditDurabilityName}' is not {SiloConfiguration.DurabilityNames}");
        if (string.IsNullOrWhiteSpace(options.AuditStore))
            problems.Add($"{Key("AuditStore")}: empty; name a SQLite file or redis://host:port");
        if (string.IsNullOrWhiteSpace(options.StateStore))
            problems.Add($"{Key("StateStore")}: empty; name a SQLite file, redis://host:port or {FleetSimSiloOptions.InMemory}");
        if (string.IsNullOrWhiteSpace(options.KeyFile))
            problems.Add($"{Key("KeyFile")}: empty; name the service key file");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string Key(string setting) => $"{FleetSimSiloOptions.Section}:{setting}";
}
