using FleetSim.Contracts.Connections;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>
/// What a server's connections are judged by, and how time changes it: its specification, with
/// the firewall and VNet rules still in force while a change waits out ruleChangeDelay, in the
/// state a lost customer-managed key leaves it once the revocation delay has run out.
/// </summary>
internal sealed class PolicyInForce(string server, ILogger logger)
{
    public ServerSpec? Spec { get; private set; }

    /// <summary>The compiled policy admission checks; null while no server is provisioned.</summary>
    public ServerPolicy? Policy { get; private set; }

    public PendingRuleChanges Rules { get; private set; } = new();

    public KeyRevocation Key { get; private set; } = new();

    public bool CanServe => Policy?.State == ServerState.Ready;

    /// <summary>Admission's verdict on a login, by the policy in force.</summary>
    public Verdict Admit(RoutedConnection connection, PresentedSource source, AccessControl access, int openSessions, DecisionTrace? trace) =>
        ServerAdmission.Admit(Policy!, new AdmissionRequest(connection.Login, connection.Password, connection.Tls, source, connection.Session.Database, connection.Proof), access, openSessions, trace);

    /// <summary>The answer while no server of this name is provisioned.</summary>
    public Verdict NotFound(DecisionTrace? trace)
    {
        trace?.Add("server-state", false, $"no server '{server}' is provisioned");
        return ConnectionErrors.ServerNotFound(server);
    }

    /// <summary>A server reactivated elsewhere picks up the rule change and key revocation it had saved.</summary>
    public void Restore(PendingRuleChanges rules, KeyRevocation key) => (Rules, Key) = (rules, key);

    /// <summary>The specification is changed at <paramref name="now"/>: new firewall and VNet rules wait out the delay from then.</summary>
    public void Change(ServerSpec next, TimeSpan ruleChangeDelay, DateTimeOffset now)
    {
        TimePassed(now);
        if (Rules.Change(Spec is null ? null : Rules.Apply(Spec), next, ruleChangeDelay, now))
            ServerLog.RuleChangePending(logger, server, Rules.TakesEffectAt!.Value);
    }

    /// <summary>Takes a specification and what the fleet says of its key, and compiles what connections are judged by.</summary>
    public void Configure(ServerSpec spec, FleetContext context, DateTimeOffset now)
    {
        Spec = spec;
        if (Key.Observe(context.KeyUsable(spec), context.KeyRevocationDelay, now))
            ServerLog.KeyLost(logger, server, Key.InaccessibleAt!.Value);
        Compile();
    }

    /// <summary>What time alone changes: a waiting rule change takes effect, a lost key's delay runs out. True when the policy changed.</summary>
    public bool TimePassed(DateTimeOffset now)
    {
        if (Spec is null)
            return false;
        var rulesApplied = Rules.TakeEffect(now);
        var keyRanOut = Key.RunOut(now);
        if (rulesApplied)
            ServerLog.RuleChangeApplied(logger, server);
        if (keyRanOut)
            ServerLog.KeyInaccessible(logger, server);
        if (!rulesApplied && !keyRanOut)
            return false;
        Compile();
        return true;
    }

    /// <summary>Brings an Inaccessible server back; refused, with the reason, while its key is still unreachable.</summary>
    public string? RevalidateKey()
    {
        if (Key.Revalidate(server) is { } refusal)
            return refusal;
        if (Spec is null)
            return null;
        Compile();
        ServerLog.KeyRevalidated(logger, server);
        return null;
    }

    public void Clear() => (Spec, Policy) = (null, null);

    public ServerStatus Status(int openSessions) => new(server, Policy is not null, Policy?.State.ToString() ?? "NotFound",
        openSessions, Policy?.MaxConnections ?? 0, Rules.TakesEffectAt);

    private void Compile()
    {
        var policy = ServerPolicy.Compile(Rules.Apply(Spec!));
        Policy = policy with { State = Key.StateOf(policy.State) };
    }
}
