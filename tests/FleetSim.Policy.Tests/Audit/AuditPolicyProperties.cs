using CsCheck;
using FleetSim.Policy.Audit;

namespace FleetSim.Policy.Tests.Audit;

/// <summary>The audit filter against a small model of the documented rule.</summary>
public sealed class AuditPolicyProperties
{
    private static readonly string[] Names = ["app", "App", "batch", "reporting", "ops", "admin2"];

    private static readonly Gen<string[]> UserList = Gen.OneOf(Names).Array[0, 4];

    private static readonly Gen<AuditEvents> Events = Gen.Int[0, 63].Select(bits => (AuditEvents)bits);

    private static readonly Gen<AuditEvents> OneCategory = Gen.OneOf(
        AuditEvents.CONNECTION, AuditEvents.DML_SELECT, AuditEvents.DML_NONSELECT, AuditEvents.DDL, AuditEvents.DCL, AuditEvents.ADMIN);

    [Fact]
    public void ShouldLog_is_the_documented_model_for_any_lists_events_and_user() =>
        Gen.Select(Gen.Bool, Events, UserList, UserList, Gen.Select(OneCategory, Gen.OneOf(Names))).Sample((enabled, events, include, exclude, probe) =>
        {
            var (category, user) = probe;
            var policy = new AuditPolicy(enabled, events, include, exclude);

            // The model: on, the category listed, and "include wins": a non-empty include list decides alone.
            var userAudited = include.Length > 0 ? include.Contains(user, StringComparer.Ordinal) : !exclude.Contains(user, StringComparer.Ordinal);
            var expected = enabled && events.HasFlag(category) && userAudited;

            Assert.Equal(expected, policy.ShouldLog(category, user));
        }, iter: 5_000);

    [Fact]
    public void Parsed_parameter_lists_give_the_same_policy_as_the_lists_themselves() =>
        Gen.Select(UserList, UserList, Gen.OneOf(Names)).Sample((include, exclude, user) =>
        {
            var parsed = AuditPolicy.FromParameters(new Dictionary<string, string>
            {
                ["audit_log_enabled"] = "ON",
                ["audit_log_include_users"] = string.Join(" , ", include),
                ["audit_log_exclude_users"] = string.Join(",", exclude),
            });

            Assert.Equal(new AuditPolicy(true, AuditEvents.CONNECTION, include, exclude).ShouldLog(AuditEvents.CONNECTION, user),
                parsed.ShouldLog(AuditEvents.CONNECTION, user));
        }, iter: 2_000);
}
