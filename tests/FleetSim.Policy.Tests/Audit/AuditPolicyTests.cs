using FleetSim.Policy.Audit;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Audit;

/// <summary>DOMAIN, "Audit logs": which events of which users the audit log records.</summary>
public sealed class AuditPolicyTests
{
    private static AuditPolicy Policy(string events = "CONNECTION", string include = "", string exclude = "", string enabled = "ON") =>
        AuditPolicy.FromParameters(new Dictionary<string, string>
        {
            [ServerParameters.AuditLogEnabled] = enabled,
            [ServerParameters.AuditLogEvents] = events,
            [ServerParameters.AuditLogIncludeUsers] = include,
            [ServerParameters.AuditLogExcludeUsers] = exclude,
        });

    [Fact]
    public void Auditing_is_off_by_default()
    {
        var policy = AuditPolicy.FromParameters(new Dictionary<string, string>());

        Assert.False(policy.Enabled);
        Assert.False(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
    }

    [Fact]
    public void Once_enabled_only_connections_are_audited_by_default()
    {
        var policy = AuditPolicy.FromParameters(new Dictionary<string, string> { [ServerParameters.AuditLogEnabled] = "ON" });

        Assert.True(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
        Assert.False(policy.ShouldLog(StatementCategory.DML_SELECT, "app"));
    }

    [Fact]
    public void Only_the_listed_event_categories_are_audited()
    {
        var policy = Policy("DDL,DCL");

        Assert.True(policy.ShouldLog(StatementCategory.DDL, "app"));
        Assert.True(policy.ShouldLog(StatementCategory.DCL, "app"));
        Assert.False(policy.ShouldLog(StatementCategory.DML_SELECT, "app"));
        Assert.False(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
    }

    [Fact]
    public void DML_means_DML_SELECT_and_DML_NONSELECT()
    {
        var policy = Policy("DML");

        Assert.True(policy.ShouldLog(StatementCategory.DML_SELECT, "app"));
        Assert.True(policy.ShouldLog(StatementCategory.DML_NONSELECT, "app"));
        Assert.False(policy.ShouldLog(StatementCategory.DDL, "app"));
    }

    [Fact]
    public void GENERAL_means_every_statement_category_but_not_CONNECTION()
    {
        var policy = Policy("GENERAL");

        foreach (var category in Enum.GetValues<StatementCategory>())
            Assert.True(policy.ShouldLog(category, "app"), category.ToString());
        Assert.False(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
    }

    [Fact]
    public void Include_list_wins_over_exclude_list()
    {
        var policy = Policy(include: "app", exclude: "app,batch");

        Assert.True(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
    }

    [Fact]
    public void A_non_empty_include_list_audits_only_the_included_users()
    {
        var policy = Policy(include: "app, reporting");

        Assert.True(policy.ShouldLog(AuditEvents.CONNECTION, "reporting"));
        Assert.False(policy.ShouldLog(AuditEvents.CONNECTION, "batch"));
    }

    [Fact]
    public void Without_an_include_list_everyone_but_the_excluded_users_is_audited()
    {
        var policy = Policy(exclude: "batch");

        Assert.True(policy.ShouldLog(AuditEvents.CONNECTION, "app"));
        Assert.False(policy.ShouldLog(AuditEvents.CONNECTION, "batch"));
    }

    [Fact]
    public void User_lists_are_case_sensitive_like_MariaDB_user_names()
    {
        Assert.True(Policy(exclude: "Batch").ShouldLog(AuditEvents.CONNECTION, "batch"));
    }

    [Fact]
    public void An_unknown_event_name_is_refused_naming_the_parameter()
    {
        var error = Assert.Throws<FormatException>(() => Policy("CONNECTION,QUERIES"));

        Assert.StartsWith("audit_log_events: 'QUERIES' is not an audit event", error.Message, StringComparison.Ordinal);
    }
}
