using CsCheck;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>Generators of valid fleets: every value within the rules, names unique by construction.</summary>
internal static class FleetGen
{
    private static readonly string[] RegionNames = ["westeurope", "northeurope", "eastus", "westus2"];
    private static readonly string[] SkuNames = [.. Sku.AllNames];

    private sealed record DeclaredSubnet(string Id, string Region, bool HasSqlEndpoint);

    // One Current gateway always, then retired ones; addresses unique by region and position.
    private static RegionSpec Region(string name, int r, string[] extraStates) => new()
    {
        Name = name,
        Gateways = [.. extraStates.Prepend("Current").Select((state, g) => new GatewaySpec { Ip = $"13.{r + 1}.{g}.10", State = state })],
    };

    private static readonly Gen<VirtualNetworkSpec> Network =
        from subnets in Gen.Select(Gen.Bool, Gen.Bool, Gen.UInt).Array[1, 3]
        select new VirtualNetworkSpec
        {
            Subnets =
            [
                .. subnets.Select((subnet, s) => new SubnetSpec
                {
                    Name = $"subnet-{s}",
                    ServiceEndpoints = subnet.Item1 ? [FleetDirectory.SqlServiceEndpoint] : ["Microsoft.Storage"],
                    OutboundIp = subnet.Item2 ? new Ipv4(subnet.Item3).ToString() : null,
                }),
            ],
        };

    private static DeclaredSubnet[] Subnets(List<VirtualNetworkSpec> networks) =>
    [
        .. networks.SelectMany(n => n.Subnets.Select(s => new DeclaredSubnet(
            FleetDirectory.SubnetId(n.Id!, s.Name!), n.Region!, s.ServiceEndpoints.Contains(FleetDirectory.SqlServiceEndpoint)))),
    ];

    private static Gen<List<ServerSpec>> Servers(string[] regions, DeclaredSubnet[] subnets) =>
        Server(regions, subnets).Array[0, 4].Select(servers => servers.Select((s, i) => s with { Name = $"{s.Name}-{i}" }).ToList());

    private static Gen<ServerSpec> Server(string[] regions, DeclaredSubnet[] subnets) =>
        from name in Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-"].Array[1, 20].Select(chars => "s" + new string(chars))
        from region in Gen.OneOf(regions)
        from sku in Gen.OneOf(SkuNames).Select(n => Sku.TryParse(n, out var s) ? s : throw new InvalidOperationException(n))
        from state in Gen.OneOf(Enum.GetNames<ServerState>())
        from ssl in Gen.Bool
        from minimal in Gen.OneOf("TLS1_0", "TLS1_1", "TLS1_2")
        from publicAccess in Gen.OneOf("Enabled", "Disabled")
        from login in Gen.OneOf("fleetadmin", "dbo_owner", "Ops.Lead", "sa1")
        from password in Password
        from firewallRules in FirewallRule.Array[0, 5]
        from ruleSubnets in Gen.Bool.Array[subnets.Length]
        from ignoreMissing in Gen.Bool
        from endpointStates in Gen.OneOf(Enum.GetNames<PrivateEndpointStatus>()).Array[0, 3]
        from users in User.Array[0, 2]
        from configurations in Configurations(sku)
        from threatProtection in ThreatProtection(sku)
        select new ServerSpec
        {
            Name = name,
            Region = region,
            Sku = sku.Name,
            State = state,
            AdministratorLogin = login,
            AdministratorLoginPassword = password,
            SslEnforcement = ssl ? "Enabled" : "Disabled",
            // A minimum TLS version needs sslEnforcement.
            MinimalTlsVersion = ssl ? minimal : "TLSEnforcementDisabled",
            PublicNetworkAccess = publicAccess,
            FirewallRules = [.. firewallRules.Select((rule, i) => rule with { Name = $"rule_{i}.v1" })],
            VirtualNetworkRules = sku.Tier == PricingTier.Basic ? [] :
            [
                .. subnets.Where((subnet, i) => ruleSubnets[i] && subnet.Region == region).Select((subnet, i) => new VirtualNetworkRuleSpec
                {
                    Name = $"vnet-rule-{i}",
                    VirtualNetworkSubnetId = subnet.Id,
                    IgnoreMissingVnetServiceEndpoint = ignoreMissing || !subnet.HasSqlEndpoint,
                }),
            ],
            PrivateEndpointConnections = [.. endpointStates.Select((status, i) => new PrivateEndpointConnectionSpec { Name = $"pe-{i}", Status = status })],
            Users = [.. users.Select((user, i) => user with { Name = $"user{i}" })],
            Configurations = configurations,
            ThreatProtection = threatProtection,
        };

    // Upper case, lower case and a digit always, then anything: at least three categories.
    private static readonly Gen<string> Password =
        Gen.Char['!', '~'].Array[5, 100].Select(chars => "aA1" + new string(chars));

    private static readonly Gen<FirewallRuleSpec> FirewallRule =
        Gen.Select(Gen.UInt, Gen.UInt, (a, b) => new FirewallRuleSpec
        {
            StartIpAddress = new Ipv4(Math.Min(a, b)).ToString(),
            EndIpAddress = new Ipv4(Math.Max(a, b)).ToString(),
        });

    private static readonly Gen<UserSpec> User =
        from password in Gen.String[1, 30]
        from grants in Gen.Select(Gen.OneOf(GrantPrivileges.Listed.ToArray()).Array[1, 3], Gen.OneOf("*", "orders", "app_db"))
            .Select(g => new GrantSpec { Privileges = [.. g.Item1], Database = g.Item2 }).Array[0, 2]
        select new UserSpec { Password = password, Grants = [.. grants] };

    private static Gen<Dictionary<string, string>> Configurations(Sku sku) =>
        from switches in Gen.OneOf("ON", "OFF").Array[2]
        from events in Gen.OneOf(ServerParameters.AuditEventNames.ToArray()).Array[1, 3]
        from excluded in Gen.Int[0, ServerParameters.MaxExcludedUsers]
        from maxConnections in Gen.Int[10, sku.MaxConnections]
        from present in Gen.Bool.Array[6]
        select new[]
        {
            (ServerParameters.AuditLogEnabled, switches[0]),
            (ServerParameters.RedirectEnabled, switches[1]),
            (ServerParameters.AuditLogEvents, string.Join(",", events)),
            (ServerParameters.AuditLogExcludeUsers, string.Join(",", Enumerable.Range(0, excluded).Select(u => $"user{u}"))),
            (ServerParameters.AuditLogIncludeUsers, "user0,someone"),
            (ServerParameters.MaxConnections, maxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        }.Where((_, i) => present[i]).ToDictionary(p => p.Item1, p => p.Item2);

    private static Gen<ThreatProtectionSpec?> ThreatProtection(Sku sku) =>
        from present in Gen.Bool
        from enabled in Gen.Bool
        from alerts in Gen.OneOf(Enum.GetValues<ThreatAlertKind>()).Array[0, 3]
        from asIds in Gen.Bool
        from retentionDays in Gen.Int[0, 365]
        select present
            ? new ThreatProtectionSpec
            {
                // Threat protection covers General Purpose and Memory Optimized only.
                State = enabled && sku.Tier != PricingTier.Basic ? "Enabled" : "Disabled",
                DisabledAlerts = [.. alerts.Select(a => asIds ? a.Id() : a.ToString())],
                EmailAddresses = ["secops@contoso.com"],
                RetentionDays = retentionDays,
            }
            : null;

    // Declared last: it composes the generators above, and static fields initialize in order.
    public static readonly Gen<FleetSpec> Fleet =
        from regionCount in Gen.Int[1, RegionNames.Length]
        from gatewayStates in Gen.OneOf(Enum.GetNames<GatewayState>()).Array[0, 2].Array[regionCount]
        from networks in Network.Array[0, 3]
        from networkRegions in Gen.Int[0, regionCount - 1].Array[networks.Length]
        let regions = RegionNames.Take(regionCount).Select((name, r) => Region(name, r, gatewayStates[r])).ToList()
        let virtualNetworks = networks.Select((network, v) => network with
        {
            Id = $"/subscriptions/00000000-0000-0000-0000-00000000000{v}/resourceGroups/rg{v}/providers/Microsoft.Network/virtualNetworks/vnet-{v}",
            Region = RegionNames[networkRegions[v]],
            Subnets = [.. network.Subnets.Select((subnet, s) => subnet with { AddressPrefix = $"10.{v}.{s}.0/24" })],
        }).ToList()
        from servers in Servers(regions.Select(r => r.Name!).ToArray(), Subnets(virtualNetworks))
        select new FleetSpec { Regions = regions, VirtualNetworks = virtualNetworks, Servers = servers };
}
