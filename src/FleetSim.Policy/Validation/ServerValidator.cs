using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>A server's own settings, then each of its rule lists, users, parameters and threat protection.</summary>
internal static class ServerValidator
{
    public static void Validate(IReadOnlyList<ServerSpec?>? servers, DeclaredFleet fleet, SpecPath path, ValidationErrors errors)
    {
        // Sized up front: grown step by step, a fleet of 100,000 names was copied again and again.
        var names = new Dictionary<string, SpecPath>(servers?.Count ?? 0, ResourceNames.Comparer);
        foreach (var (server, at) in errors.Each(servers, path))
            ValidateServer(server, fleet, at, names, errors);
    }

    private static void ValidateServer(ServerSpec server, DeclaredFleet fleet, SpecPath at, Dictionary<string, SpecPath> names, ValidationErrors errors)
    {
        ValidateName(server.Name, at.Property("name"), names, errors);
        var region = fleet.IsDeclaredRegion(server.Region, at.Property("region"), errors) ? server.Region : null;
        var sku = ValidateSku(server.Sku, at.Property("sku"), errors);
        errors.OneOf<ServerState>(server.State, at.Property("state"), out _);
        LoginRules.ValidateAdministrator(server.AdministratorLogin, at.Property("administratorLogin"), errors);
        LoginRules.ValidatePasswordOrHash(server.AdministratorLoginPassword, server.AdministratorLoginPasswordHash,
            at.Property("administratorLoginPassword"), at.Property("administratorLoginPasswordHash"), errors, checkStrength: true);
        ValidateTls(server, at, errors);
        errors.Switch(server.PublicNetworkAccess, at.Property("publicNetworkAccess"), out _);

        FirewallRuleValidator.Validate(server.FirewallRules, at.Property("firewallRules"), errors);
        VirtualNetworkRuleValidator.Validate(server.VirtualNetworkRules, sku, region, fleet, at.Property("virtualNetworkRules"), errors);
        PrivateEndpointConnectionValidator.Validate(server.PrivateEndpointConnections, at.Property("privateEndpointConnections"), errors);
        UserValidator.Validate(server.Users, server.AdministratorLogin, at.Property("users"), errors);
        ConfigurationValidator.Validate(server.Configurations, sku, at.Property("configurations"), errors);
        ThreatProtectionValidator.Validate(server.ThreatProtection, sku, at.Property("threatProtection"), errors);
    }

    private static void ValidateName(string? name, SpecPath path, Dictionary<string, SpecPath> names, ValidationErrors errors)
    {
        if (!errors.Required(name, path))
            return;
        if (!IsServerName(name))
            errors.Add(path, $"'{name}' must be 3-63 characters of lower-case letters, digits and '-', not starting or ending with '-'");
        errors.Unique(name, path, names);
    }

    // The name becomes the first label of <name>.mariadb.database.azure.com.
    private static bool IsServerName(string name) =>
        name.Length is >= 3 and <= 63 && name[0] != '-' && name[^1] != '-'
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static Sku? ValidateSku(string? name, SpecPath path, ValidationErrors errors)
    {
        if (Sku.TryParse(name, out var sku))
            return sku;
        var valid = string.Join(", ", Sku.AllNames);
        errors.Add(path, name is null ? $"is required: one of {valid}" : $"'{name}' is not a SKU; valid SKUs: {valid}");
        return null;
    }

    private static void ValidateTls(ServerSpec server, SpecPath at, ValidationErrors errors)
    {
        var sslIsValid = errors.Switch(server.SslEnforcement, at.Property("sslEnforcement"), out var ssl);
        var minimalPath = at.Property("minimalTlsVersion");
        if (!TlsVersions.TryParseMinimal(server.MinimalTlsVersion, out var minimal))
        {
            errors.Add(minimalPath, server.MinimalTlsVersion is null
                ? $"is required: one of {TlsVersions.MinimalNames}"
                : $"'{server.MinimalTlsVersion}' is not one of {TlsVersions.MinimalNames}");
        }
        // A minimum TLS version only means something when TLS is enforced.
        else if (minimal != TlsVersion.None && sslIsValid && !ssl)
            errors.Add(minimalPath, $"'{server.MinimalTlsVersion}' requires sslEnforcement 'Enabled'");
    }
}
