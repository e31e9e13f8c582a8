using System.Globalization;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>Server parameters: only those FleetSim models, with the values MariaDB accepts.</summary>
internal static class ConfigurationValidator
{
    /// <summary>MariaDB's lowest max_connections.</summary>
    public const int MinMaxConnections = 10;

    public static void Validate(IReadOnlyDictionary<string, string>? configurations, Sku? sku, SpecPath path, ValidationErrors errors)
    {
        if (configurations is null)
        {
            errors.Add(path, "must not be null; use {} for none");
            return;
        }
        foreach (var (name, value) in configurations)
        {
            var at = path.Key(name);
            if (!ServerParameters.Known.Contains(name))
            {
                var near = Spelling.Nearest(name, ServerParameters.Known);
                var hint = near is null ? "" : $"did you mean '{near}'? ";
                errors.Add(at, $"'{name}' is not a server parameter FleetSim models; {hint}known: {string.Join(", ", ServerParameters.Known)}");
            }
            else if (value is null)
                errors.Add(at, "must not be null");
            else
                ValidateValue(name, value, sku, at, errors);
        }
    }

    private static void ValidateValue(string name, string value, Sku? sku, SpecPath at, ValidationErrors errors)
    {
        switch (name)
        {
            case ServerParameters.AuditLogEnabled or ServerParameters.RedirectEnabled when value is not ("ON" or "OFF"):
                errors.Add(at, $"'{value}' is not one of ON|OFF");
                break;
            case ServerParameters.AuditLogEvents:
                foreach (var audited in ServerParameters.SplitList(value).Where(e => !ServerParameters.AuditEventNames.Contains(e)))
                    errors.Add(at, $"'{audited}' is not an audit event; allowed: {string.Join(", ", ServerParameters.AuditEventNames)}");
                break;
            case ServerParameters.AuditLogExcludeUsers when ServerParameters.SplitList(value).Length > ServerParameters.MaxExcludedUsers:
                errors.Add(at, $"lists {ServerParameters.SplitList(value).Length} users; MariaDB allows at most {ServerParameters.MaxExcludedUsers}");
                break;
            case ServerParameters.MaxConnections:
                ValidateMaxConnections(value, sku, at, errors);
                break;
        }
    }

    private static void ValidateMaxConnections(string value, Sku? sku, SpecPath at, ValidationErrors errors)
    {
        // Digits only: what is accepted here must read back the same in ServerPolicy.Compile.
        var isNumber = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var connections);
        var max = sku?.MaxConnections ?? int.MaxValue;
        if (isNumber && connections >= MinMaxConnections && connections <= max)
            return;
        var range = sku is null ? $"of at least {MinMaxConnections}" : $"from {MinMaxConnections} to {max} (the limit of {sku.Name})";
        errors.Add(at, $"'{value}' is not an integer {range}");
    }
}
