using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Spec;

[GenerateSerializer]
internal record struct ServerSpecSurrogate(
    string? Name,
    string? Region,
    string? Sku,
    string? State,
    string? AdministratorLogin,
    string? AdministratorLoginPassword,
    string? SslEnforcement,
    string? MinimalTlsVersion,
    string? PublicNetworkAccess,
    List<FirewallRuleSpec> FirewallRules,
    List<VirtualNetworkRuleSpec> VirtualNetworkRules,
    List<PrivateEndpointConnectionSpec> PrivateEndpointConnections,
    List<UserSpec> Users,
    Dictionary<string, string> Configurations,
    ThreatProtectionSpec? ThreatProtection,
    DataEncryptionSpec? DataEncryption,
    string? AdministratorLoginPasswordHash);

[RegisterConverter]
internal sealed class ServerSpecConverter : IConverter<ServerSpec, ServerSpecSurrogate>
{
    public ServerSpecSurrogate ConvertToSurrogate(in ServerSpec value) =>
        new(
            value.Name, value.Region, value.Sku, value.State, value.AdministratorLogin,
            value.AdministratorLoginPassword, value.SslEnforcement, value.MinimalTlsVersion,
            value.PublicNetworkAccess, value.FirewallRules, value.VirtualNetworkRules,
            value.PrivateEndpointConnections, value.Users, value.Configurations, value.ThreatProtection,
            value.DataEncryption, value.AdministratorLoginPasswordHash);

    public ServerSpec ConvertFromSurrogate(in ServerSpecSurrogate surrogate) => new()
    {
        Name = surrogate.Name,
        Region = surrogate.Region,
        Sku = surrogate.Sku,
        State = surrogate.State,
        AdministratorLogin = surrogate.AdministratorLogin,
        AdministratorLoginPassword = surrogate.AdministratorLoginPassword,
        SslEnforcement = surrogate.SslEnforcement,
        MinimalTlsVersion = surrogate.MinimalTlsVersion,
        PublicNetworkAccess = surrogate.PublicNetworkAccess,
        FirewallRules = surrogate.FirewallRules,
        VirtualNetworkRules = surrogate.VirtualNetworkRules,
        PrivateEndpointConnections = surrogate.PrivateEndpointConnections,
        Users = surrogate.Users,
        Configurations = surrogate.Configurations,
        ThreatProtection = surrogate.ThreatProtection,
        DataEncryption = surrogate.DataEncryption,
        AdministratorLoginPasswordHash = surrogate.AdministratorLoginPasswordHash,
    };
}
