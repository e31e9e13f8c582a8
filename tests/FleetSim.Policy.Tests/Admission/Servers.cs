using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// The smallest server specs the rules need. A server starts with the real service's defaults
/// (Ready, GP_Gen5_2, sslEnforcement Enabled, no minimal TLS version, public access Enabled, no
/// rules); a test adds only what its rule is about, with a <c>with</c> expression.
/// </summary>
internal static class Servers
{
    public const string Region = "westeurope";
    public const string AdminLogin = "fleetadmin";
    public const string AdminPassword = "Tr0ub4dor&3";
    public const string AllowAllAzureIpsName = "AllowAllWindowsAzureIps";

    public static ServerSpec Named(string name, string region = Region) => new()
    {
        Name = name,
        Region = region,
        AdministratorLogin = AdminLogin,
        AdministratorLoginPassword = AdminPassword,
    };

    public static ServerSpec Contoso => Named("contoso");

    public static FirewallRuleSpec Rule(string name, string start, string end) =>
        new() { Name = name, StartIpAddress = start, EndIpAddress = end };

    /// <summary>0.0.0.0 - 0.0.0.0: "Allow access to Azure services".</summary>
    public static FirewallRuleSpec AllowAllAzureIps => Rule(AllowAllAzureIpsName, "0.0.0.0", "0.0.0.0");

    public static FirewallRuleSpec AllowWholeInternet => Rule("AllowAll", "0.0.0.0", "255.255.255.255");

    public static VirtualNetworkRuleSpec VnetRule(string name, string subnetId) =>
        new() { Name = name, VirtualNetworkSubnetId = subnetId };

    public static PrivateEndpointConnectionSpec PrivateEndpoint(string name, string status) =>
        new() { Name = name, Status = status };
}
