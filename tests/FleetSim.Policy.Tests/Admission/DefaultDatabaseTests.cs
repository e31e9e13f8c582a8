using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>A login that names a default database needs a privilege there, as USE does (MariaDB's 1044).</summary>
public sealed class DefaultDatabaseTests
{
    private static readonly ServerSpec Shop = Servers.Contoso with
    {
        FirewallRules = [Servers.AllowWholeInternet],
        Users = [new UserSpec { Name = "app", Password = "Sh0p!2026", Grants = [new GrantSpec { Privileges = ["SELECT"], Database = "shop" }] }],
    };

    [Fact]
    public void A_login_naming_a_database_it_has_no_privilege_on_is_refused_with_1044_naming_the_account_host()
    {
        var verdict = Admissions.Admit(Shop, Clients.Internet(), login: "app", password: "Sh0p!2026", database: "crm");

        Assert.Equal((ConnectionReason.AccessDenied, 1044, "Access denied for user 'app'@'%' to database 'crm'"),
            (verdict.Reason, verdict.Code, verdict.Message));
    }

    [Fact]
    public void A_login_naming_a_database_it_has_privileges_on_is_admitted() =>
        Assert.True(Admissions.Admit(Shop, Clients.Internet(), login: "app", password: "Sh0p!2026", database: "shop").Allowed);

    [Fact]
    public void The_database_is_checked_after_authentication_so_a_wrong_password_still_gets_1045() =>
        Assert.Equal(1045, Admissions.Admit(Shop, Clients.Internet(), login: "app", password: "guess", database: "crm").Code);

    [Fact]
    public void The_database_stage_shows_in_the_trace_with_the_error_text()
    {
        var trace = new DecisionTrace();

        Admissions.Admit(Shop, Clients.Internet(), login: "app", password: "Sh0p!2026", trace: trace, database: "crm");

        Assert.Equal(new TraceStep("database", false, "Access denied for user 'app'@'%' to database 'crm'"), trace.Steps[^1]);
    }
}
