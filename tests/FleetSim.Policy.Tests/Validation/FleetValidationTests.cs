using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>The validator as a whole: it reports everything, in document order, and never throws.</summary>
public sealed class FleetValidationTests
{
    [Fact]
    public void A_document_with_several_problems_reports_all_of_them_in_document_order()
    {
        var fleet = Fleets.With(
            Fleets.Server("fine"),
            Fleets.Server("Bad_Name") with { Sku = "GP_Gen5_3" },
            Fleets.Server("third").WithFirewallRules(Fleets.Rule("r", "10.0.0.300", "10.0.0.1")).WithConfiguration("redirect_enabled", "yes"));
        fleet.Regions[0].Gateways.Add(new GatewaySpec { Ip = "13.69.105.208", State = "Decommissioned" });

        var errors = Fleets.Errors(fleet);

        Assert.Equal(
            [
                "regions[0].gateways[1].ip: '13.69.105.208' is already used by regions[0].gateways[0].ip",
                "servers[1].name: 'Bad_Name' must be 3-63 characters of lower-case letters, digits and '-', not starting or ending with '-'",
                $"servers[1].sku: 'GP_Gen5_3' is not a SKU; valid SKUs: {string.Join(", ", Sku.AllNames)}",
                "servers[2].firewallRules[0].startIpAddress: '10.0.0.300' is not an IPv4 address",
                "servers[2].configurations.redirect_enabled: 'yes' is not one of ON|OFF",
            ],
            errors);
    }

    [Fact]
    public void Nulls_anywhere_are_reported_not_thrown()
    {
        var server = Fleets.Server() with
        {
            Name = null,
            Sku = null,
            FirewallRules = null!,
            VirtualNetworkRules = [null!],
            Users = [new UserSpec { Name = "app", Password = "x", Grants = null! }],
            Configurations = null!,
            ThreatProtection = new ThreatProtectionSpec { State = null, DisabledAlerts = [null!] },
        };
        var fleet = Fleets.With(server) with { VirtualNetworks = null!, Regions = [null!, new RegionSpec { Name = "westeurope", Gateways = null! }] };

        var errors = Fleets.Errors(fleet);

        Assert.Equal(
            [
                "regions[0]: must not be null",
                "regions[1].gateways: must not be null; use [] for none",
                "virtualNetworks: must not be null; use [] for none",
                "servers[0].name: is required",
                $"servers[0].sku: is required: one of {string.Join(", ", Sku.AllNames)}",
                "servers[0].firewallRules: must not be null; use [] for none",
                "servers[0].virtualNetworkRules[0]: must not be null",
                "servers[0].users[0].grants: must not be null; use [] for none",
                "servers[0].configurations: must not be null; use {} for none",
                "servers[0].threatProtection.state: is required: one of Enabled|Disabled",
                "servers[0].threatProtection.disabledAlerts[0]: must not be null",
            ],
            errors);
    }

    [Fact]
    public void An_empty_document_is_reported_not_thrown() =>
        Assert.Equal(["regions: at least one region is required"], Fleets.Errors(new FleetSpec()));
}
