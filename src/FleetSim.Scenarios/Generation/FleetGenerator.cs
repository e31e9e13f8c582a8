using System.Globalization;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Generation;

/// <summary>
/// Builds a fleet from its shape. Everything random comes from one seeded generator consumed in a
/// fixed order, so the same shape and seed always give the same fleet, server for server.
/// </summary>
public static class FleetGenerator
{
    public const string AdministratorLogin = "fleetadmin";
    public const string ApplicationUserPrefix = "app";

    /// <summary>Subnets with the Microsoft.Sql endpoint generated per region, for virtual network rules.</summary>
    public const int EndpointSubnetsPerRegion = 16;

    private static readonly GeneratedRegionSpec[] DefaultRegions =
    [
        new() { Name = "eastus", Gateways = ["40.71.8.203"], DecommissionedGateways = ["40.121.158.30"] },
        new() { Name = "westeurope", Gateways = ["40.68.37.158"] },
    ];

    public static FleetSpec Generate(FleetGeneratorSpec shape, int seed)
    {
        var random = new Random(seed);
        var regions = shape.Regions.Count > 0 ? shape.Regions : [.. DefaultRegions];
        var block = Ipv4Range.ParseCidr(shape.FirewallRuleBlock);
        var skus = shape.Skus.Select(kv => (Sku: kv.Key, kv.Value)).ToArray();

        var fleet = new FleetSpec
        {
            Regions = [.. regions.Select(r => new RegionSpec
            {
                Name = r.Name,
                Gateways = [.. r.DecommissionedGateways.Select(ip => new GatewaySpec { Ip = ip, State = "Decommissioned" }), .. r.Gateways.Select(ip => new GatewaySpec { Ip = ip })],
            })],
            VirtualNetworks = [.. regions.Select((r, index) => VirtualNetwork(r.Name!, index))],
        };
        for (var regionIndex = 0; regionIndex < regions.Count; regionIndex++)
        {
            var region = regions[regionIndex].Name!;
            for (var i = 0; i < shape.ServersPerRegion; i++)
                fleet.Servers.Add(Server(shape, random, region, regionIndex, i, Pick(random, skus), block));
        }
        return fleet;
    }

    /// <summary>The password of a generated login: known to the scenario's clients, valid for the real rules.</summary>
    public static string Password(string server, string login) => $"{login}@{server}!Pw1";

    public static string VirtualNetworkId(string region) =>
        $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-fleetsim-{region}/providers/Microsoft.Network/virtualNetworks/vnet-{region}";

    private static VirtualNetworkSpec VirtualNetwork(string region, int regionIndex) => new()
    {
        Id = VirtualNetworkId(region),
        Region = region,
        Subnets =
        [
            .. Enumerable.Range(0, EndpointSubnetsPerRegion).Select(k => new SubnetSpec
            {
                Name = SubnetName(k),
                AddressPrefix = $"10.{regionIndex % 256}.{k}.0/24",
                ServiceEndpoints = ["Microsoft.Sql"],
            }),
            new SubnetSpec
            {
                Name = "no-endpoint",
                AddressPrefix = $"10.{regionIndex % 256}.255.0/24",
                OutboundIp = $"52.{160 + regionIndex % 64}.0.10",
            },
        ],
    };

    private static string SubnetName(int k) => "subnet-" + k.ToString("00", CultureInfo.InvariantCulture);

    private static ServerSpec Server(FleetGeneratorSpec shape, Random random, string region, int regionIndex, int index, string sku, Ipv4Range block)
    {
        var name = $"{region}-{index.ToString("0000", CultureInfo.InvariantCulture)}";
        var aboveBasic = Sku.TryParse(sku, out var parsed) && parsed.SupportsVirtualNetworkRules;

        var rules = RandomBlocks(random, block, shape.FirewallRulesPerServer)
            .Select((range, k) => new FirewallRuleSpec { Name = "rule-" + k.ToString("000", CultureInfo.InvariantCulture), StartIpAddress = range.Start.ToString(), EndIpAddress = range.End.ToString() })
            .ToList();
        if (random.NextDouble() < shape.AllowAzureServicesShare)
            rules.Add(new FirewallRuleSpec { Name = "AllowAllWindowsAzureIps", StartIpAddress = "0.0.0.0", EndIpAddress = "0.0.0.0" });

        var vnetRules = aboveBasic
            ? Enumerable.Range(0, EndpointSubnetsPerRegion).OrderBy(_ => random.Next()).Take(shape.VirtualNetworkRulesPerServer)
                .Select(k => new VirtualNetworkRuleSpec { Name = "vnet-" + SubnetName(k), VirtualNetworkSubnetId = $"{VirtualNetworkId(region)}/subnets/{SubnetName(k)}" })
                .ToList()
            : [];
        var publicAccess = random.NextDouble() < shape.PublicNetworkAccessDisabledShare ? "Disabled" : "Enabled";
        var draw = random.NextDouble();
        var state = draw < shape.StoppedShare ? "Stopped" : draw < shape.StoppedShare + shape.InaccessibleShare ? "Inaccessible" : "Ready";

        return new ServerSpec
        {
            Name = name,
            Region = region,
            Sku = sku,
            State = state,
            AdministratorLogin = AdministratorLogin,
            AdministratorLoginPassword = Password(name, AdministratorLogin),
            MinimalTlsVersion = shape.MinimalTlsVersion,
            PublicNetworkAccess = publicAccess,
            FirewallRules = rules,
            VirtualNetworkRules = vnetRules,
            PrivateEndpointConnections = [.. Enumerable.Range(0, shape.PrivateEndpointsPerServer)
                .Select(k => new PrivateEndpointConnectionSpec { Name = $"pe-{name}-{k}", Status = "Approved" })],
            Users = [.. Enumerable.Range(0, shape.UsersPerServer).Select(k =>
            {
                var login = ApplicationUserPrefix + (k == 0 ? "" : k.ToString(CultureInfo.InvariantCulture));
                return new UserSpec
                {
                    Name = login,
                    Password = Password(name, login),
                    Grants = [new GrantSpec { Privileges = ["SELECT", "INSERT", "UPDATE", "DELETE"], Database = "app" }],
                };
            })],
            Configurations = new Dictionary<string, string>(shape.Configurations),
            ThreatProtection = shape.ThreatProtection && aboveBasic ? new ThreatProtectionSpec { State = "Enabled" } : null,
        };
    }

    /// <summary>Distinct /24 ranges inside the block (or the block itself when it is smaller).</summary>
    private static IEnumerable<Ipv4Range> RandomBlocks(Random random, Ipv4Range block, int count)
    {
        var slots = Math.Max(1, block.Size / 256);
        var chosen = new HashSet<long>();
        while (chosen.Count < Math.Min(count, slots))
            chosen.Add(random.NextInt64(slots));
        foreach (var slot in chosen.Order())
        {
            var start = block.Start.Value + (uint)(slot * 256);
            yield return new Ipv4Range(new Ipv4(start), new Ipv4((uint)Math.Min(start + 255L, block.End.Value)));
        }
    }

    private static string Pick(Random random, (string Sku, double Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var point = random.NextDouble() * total;
        foreach (var (sku, weight) in choices)
        {
            point -= weight;
            if (point < 0)
                return sku;
        }
        return choices[^1].Sku;
    }
}
