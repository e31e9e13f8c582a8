namespace FleetSim.Policy.Decisions;

/// <summary>
/// The outcome of one stage or of the whole pipeline: the reason, the error the client sees, and
/// the rule (firewall rule, virtual network rule or private endpoint connection) that decided.
/// </summary>
public sealed record Verdict(ConnectionReason Reason, int Code, string Message, string? Rule = null)
{
    public bool Allowed => Reason == ConnectionReason.Allowed;

    public static Verdict Allow(string? rule) => rule is null ? AllowedWithoutRule : new(ConnectionReason.Allowed, 0, "", rule);

    private static readonly Verdict AllowedWithoutRule = new(ConnectionReason.Allowed, 0, "");
}
