using FleetSim.Policy.Decisions;
using FleetSim.Policy.Tests.Routing;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>`explain` shows the stages a connection went through, in the order they ran.</summary>
public sealed class DecisionTraceTests
{
    [Fact]
    public void An_admitted_connection_is_traced_through_every_stage_in_order()
    {
        var fleet = Fleets.With(Servers.Contoso with { FirewallRules = [Servers.AllowWholeInternet] });
        var trace = new DecisionTrace();

        var verdict = Connections.Connect(fleet, Attempts.To("contoso"), trace: trace);

        Assert.True(verdict.Allowed);
        Assert.Equal(
            ["dns", "gateway", "route", "source", "server-state", "tls", "network", "authentication", "max_connections"],
            trace.Steps.Select(s => s.Stage));
        Assert.All(trace.Steps, step => Assert.True(step.Passed, $"{step.Stage}: {step.Detail}"));
    }

    [Fact]
    public void A_denied_connection_is_traced_up_to_the_stage_that_denied_it()
    {
        var trace = new DecisionTrace();

        Connections.Connect(Fleets.With(Servers.Contoso), Attempts.To("contoso"), trace: trace);

        Assert.Equal(["dns", "gateway", "route", "source", "server-state", "tls", "network"], trace.Steps.Select(s => s.Stage));
        Assert.False(trace.Steps[^1].Passed);
        Assert.All(trace.Steps.SkipLast(1), step => Assert.True(step.Passed));
    }

    [Fact]
    public void A_host_that_does_not_resolve_is_traced_as_a_failed_DNS_stage_only()
    {
        var trace = new DecisionTrace();

        Connections.Connect(Fleets.Standard, Attempts.To("nosuchserver"), trace: trace);

        var step = Assert.Single(trace.Steps);
        Assert.Equal(("dns", false), (step.Stage, step.Passed));
    }

    [Fact]
    public void The_network_stage_names_the_rule_that_decided()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.Rule("office", Clients.InternetIp, Clients.InternetIp)] };
        var trace = new DecisionTrace();

        Admissions.Admit(server, Clients.Internet(), trace: trace);

        Assert.Contains("'office'", trace.Steps.Single(s => s.Stage == "network").Detail, StringComparison.Ordinal);
    }
}
