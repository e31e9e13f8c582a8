using System.Collections.Concurrent;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.WhatIf;

/// <summary>
/// One fleet's decisions on connection attempts, with no grains: DNS (or a pinned address), the
/// gateway's routing and the server's admission, by the same code the grains run. Stateful stages
/// are not here: every server is taken with no session open (max_connections never refuses) and
/// threat detection watches nothing. Thread-safe: attempts may be decided in parallel.
/// </summary>
public sealed class FleetDecisions
{
    private readonly FleetSpec _fleet;
    private readonly FleetDirectory _directory;
    private readonly Dictionary<string, ServerSpec> _servers;
    private readonly ConcurrentDictionary<string, Lazy<(ServerPolicy Policy, AccessControl Accounts)>> _compiled = new(ResourceNames.Comparer);
    private readonly PasswordMemo _passwords = new();

    public FleetDecisions(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        _fleet = fleet;
        _directory = FleetDirectory.FromSpec(fleet);
        _servers = fleet.Servers.ToDictionary(s => s.Name!, ResourceNames.Comparer);
    }

    public Decision Decide(ConnectionAttempt attempt) => Decide(attempt, recorded: null);

    /// <summary>
    /// Decides an attempt replayed from the gateway log, which never holds a password: the login
    /// authenticates as it did when recorded (an attempt denied before authentication is taken as
    /// a client that knew its password), provided the proposal still has that login.
    /// </summary>
    public Decision Replay(ConnectionAttempt attempt, bool? authenticated) => Decide(attempt, new RecordedLogin(authenticated ?? true));

    private Decision Decide(ConnectionAttempt attempt, RecordedLogin? recorded)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var server = GatewayRouting.SplitUser(attempt.User, attempt.Host).Server;
        var (gateway, unresolved) = GatewayRouting.Resolve(_directory, attempt.Host, attempt.GatewayIp, trace: null);
        if (gateway is null)
            return new Decision(unresolved!, server, attempt.GatewayIp?.ToString());
        var address = gateway.Text;
        var (route, unrouted) = GatewayRouting.Route(_directory, gateway, attempt, trace: null);
        if (route is null)
            return new Decision(unrouted!, server, address);
        var (policy, accounts) = Compiled(route.Server);
        var verdict = ServerAdmission.Admit(policy, new AdmissionRequest(route.Login, attempt.Password, attempt.Tls, route.Source, attempt.Database),
            recorded is null ? _passwords.Over(accounts) : recorded.Value.Over(accounts), openConnections: 0, trace: null, out var passedBy);
        return new Decision(verdict, route.Server, address, route.Source, passedBy);
    }

    /// <summary>
    /// A server as connections meet it once settled: its policy, Inaccessible when its
    /// customer-managed key cannot be used (the grains wait out the revocation delay first).
    /// </summary>
    private (ServerPolicy, AccessControl) Compiled(string name) =>
        _compiled.GetOrAdd(name, key => new Lazy<(ServerPolicy, AccessControl)>(() =>
        {
            var spec = _servers[key];
            var policy = ServerPolicy.Compile(spec);
            if (!KeyVaultValidator.KeyUsable(_fleet, spec))
                policy = policy with { State = ServerState.Inaccessible };
            return (policy, AccessControl.FromSpec(spec));
        })).Value;
}

/// <summary>
/// A fleet's decision on one attempt: the verdict, the server it was routed to (or named), the
/// gateway that answered, the client as the server saw it (null when the gateway decided), and the
/// rule that let it past the network checks, even if a later check (a wrong password) refused it.
/// </summary>
public sealed record Decision(Verdict Verdict, string? Server, string? Gateway, PresentedSource? Source = null, string? PassedBy = null);
