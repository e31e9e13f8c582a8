using FleetSim.Policy.Changes;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using Fleets = FleetSim.Policy.Tests.Validation.Fleets;

namespace FleetSim.Policy.Tests.Changes;

/// <summary>What each management change does to a fleet, and what it refuses, before validation judges the result.</summary>
public sealed class ServerChangeTests
{
    private static FirewallRuleSpec Rule(string name, string ip) => new() { Name = name, StartIpAddress = ip, EndIpAddress = ip };

    private static FleetSpec Fleet(params FirewallRuleSpec[] rules) => Fleets.With(Fleets.Server() with
    {
        FirewallRules = [.. rules],
        PrivateEndpointConnections = [new PrivateEndpointConnectionSpec { Name = "pe-analytics" }],
    }, Fleets.Server("fabrikam"));

    private static ServerSpec Contoso(ChangeOutcome outcome)
    {
        Assert.False(outcome.Refused, string.Join(Environment.NewLine, outcome.Errors));
        return outcome.Fleet.Servers.Single(s => s.Name == "contoso");
    }

    [Fact]
    public void Creating_a_rule_adds_it_and_one_of_the_same_name_in_any_case_replaces_it_in_place()
    {
        var fleet = Fleet(Rule("Office", "203.0.113.7"), Rule("home", "192.0.2.1"));

        var added = Contoso(new CreateOrUpdateFirewallRule("contoso", Rule("ci", "198.51.100.1")).Apply(fleet));
        var replaced = Contoso(new CreateOrUpdateFirewallRule("contoso", Rule("OFFICE", "203.0.113.8")).Apply(fleet));

        Assert.Equal(["Office", "home", "ci"], added.FirewallRules.Select(r => r.Name));
        Assert.Equal([("OFFICE", "203.0.113.8"), ("home", "192.0.2.1")], replaced.FirewallRules.Select(r => (r.Name, r.StartIpAddress)));
    }

    [Fact]
    public void A_change_leaves_the_fleet_it_was_given_and_the_other_servers_as_they_were()
    {
        var fleet = Fleet();

        var outcome = new CreateOrUpdateFirewallRule("contoso", Rule("ci", "198.51.100.1")).Apply(fleet);

        Assert.Empty(fleet.Servers[0].FirewallRules);
        Assert.Same(fleet.Servers[1], outcome.Fleet.Servers[1]);
    }

    [Fact]
    public void Deleting_a_rule_finds_it_in_any_case_and_a_missing_one_is_refused()
    {
        var fleet = Fleet(Rule("Office", "203.0.113.7"));

        var deleted = Contoso(new DeleteFirewallRule("CONTOSO", "office").Apply(fleet));
        var missing = new DeleteFirewallRule("contoso", "home").Apply(fleet);

        Assert.Empty(deleted.FirewallRules);
        Assert.Equal(["server 'contoso' has no firewall rule 'home'"], missing.Errors);
        Assert.Same(fleet, missing.Fleet);
    }

    [Fact]
    public void A_change_to_a_server_that_does_not_exist_is_refused() =>
        Assert.Equal(["no server 'tailspin' in the fleet"], new SetServerState("tailspin", ServerState.Stopped).Apply(Fleet()).Errors);

    [Fact]
    public void Virtual_network_rules_are_created_replaced_and_deleted_by_name()
    {
        var rule = new VirtualNetworkRuleSpec { Name = "web", VirtualNetworkSubnetId = Fleets.WebSubnet };
        var created = new CreateOrUpdateVirtualNetworkRule("contoso", rule).Apply(Fleet()).Fleet;

        var deleted = Contoso(new DeleteVirtualNetworkRule("contoso", "WEB").Apply(created));

        Assert.Equal([rule], Contoso(new ChangeOutcome(created, [])).VirtualNetworkRules);
        Assert.Empty(deleted.VirtualNetworkRules);
        Assert.Equal(["server 'contoso' has no virtual network rule 'web'"], new DeleteVirtualNetworkRule("contoso", "web").Apply(Fleet()).Errors);
    }

    [Fact]
    public void A_private_endpoint_connection_is_approved_or_rejected_only_when_it_exists()
    {
        var approved = Contoso(new SetPrivateEndpointConnectionStatus("contoso", "PE-Analytics", PrivateEndpointStatus.Approved).Apply(Fleet()));
        var missing = new SetPrivateEndpointConnectionStatus("contoso", "pe-other", PrivateEndpointStatus.Rejected).Apply(Fleet());

        Assert.Equal(("pe-analytics", "Approved"), (approved.PrivateEndpointConnections.Single().Name, approved.PrivateEndpointConnections.Single().Status));
        Assert.Equal(["server 'contoso' has no private endpoint connection 'pe-other'"], missing.Errors);
    }

    [Fact]
    public void Setting_a_parameter_keeps_the_others_and_validation_judges_its_value()
    {
        var fleet = Fleets.With(Fleets.Server() with { Configurations = new() { ["audit_log_enabled"] = "ON" } });

        var set = new SetConfiguration("contoso", "audit_log_events", "EVERYTHING").Apply(fleet);

        Assert.Equal(2, Contoso(set).Configurations.Count);
        Assert.Contains(FleetSpecValidator.Validate(set.Fleet), e => e.StartsWith("servers[0].configurations.audit_log_events:", StringComparison.Ordinal));
    }

    [Fact]
    public void Stop_and_start_set_the_state_but_no_one_makes_a_server_Inaccessible()
    {
        var stopped = Contoso(new SetServerState("contoso", ServerState.Stopped).Apply(Fleet()));
        var inaccessible = new SetServerState("contoso", ServerState.Inaccessible).Apply(Fleet());

        Assert.Equal("Stopped", stopped.State);
        Assert.True(inaccessible.Refused);
    }

    [Fact]
    public void An_update_changes_what_it_names_and_keeps_the_rest()
    {
        var fleet = Fleets.With(Fleets.Server() with { Sku = "GP_Gen5_4", SslEnforcement = "Enabled" });

        var updated = Contoso(new UpdateServer("contoso", MinimalTlsVersion: "TLS1_2").Apply(fleet));

        Assert.Equal(("GP_Gen5_4", "Enabled", "TLS1_2"), (updated.Sku, updated.SslEnforcement, updated.MinimalTlsVersion));
    }

    [Fact]
    public void A_server_is_created_once_and_deleted_once_whatever_the_case_of_its_name()
    {
        var fleet = Fleet();

        var duplicate = new CreateServer(Fleets.Server("Contoso")).Apply(fleet);
        var deleted = new DeleteServer("FABRIKAM").Apply(fleet);

        Assert.Equal(["a server 'Contoso' exists already"], duplicate.Errors);
        Assert.Equal(["contoso"], deleted.Fleet.Servers.Select(s => s.Name));
        Assert.Equal(["no server 'tailspin' in the fleet"], new DeleteServer("tailspin").Apply(fleet).Errors);
    }

    [Fact]
    public void A_restore_carries_over_the_servers_settings_and_accounts_but_no_network_access()
    {
        var backup = Fleets.Server() with
        {
            State = "Stopped",
            Sku = "MO_Gen5_8",
            MinimalTlsVersion = "TLS1_2",
            FirewallRules = [Rule("office", "203.0.113.7")],
            VirtualNetworkRules = [new VirtualNetworkRuleSpec { Name = "web", VirtualNetworkSubnetId = Fleets.WebSubnet }],
            PrivateEndpointConnections = [new PrivateEndpointConnectionSpec { Name = "pe-analytics", Status = "Approved" }],
            Users = [new UserSpec { Name = "app", PasswordHash = "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19" }],
            Configurations = new() { ["audit_log_enabled"] = "ON" },
        };

        var outcome = new RestoreServer("contoso-restored", backup).Apply(Fleet());

        var restored = outcome.Fleet.Servers.Single(s => s.Name == "contoso-restored");
        Assert.Equal(("Ready", "MO_Gen5_8", "TLS1_2", "fleetadmin"), (restored.State, restored.Sku, restored.MinimalTlsVersion, restored.AdministratorLogin));
        Assert.Equal((backup.Users, backup.Configurations), (restored.Users, restored.Configurations));
        Assert.Empty(restored.FirewallRules.Cast<object>().Concat(restored.VirtualNetworkRules).Concat(restored.PrivateEndpointConnections));
        Assert.Empty(FleetSpecValidator.Validate(outcome.Fleet));
        Assert.Equal(["a server 'contoso' exists already"], new RestoreServer("contoso", backup).Apply(Fleet()).Errors);
    }
}
