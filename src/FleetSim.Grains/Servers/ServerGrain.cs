using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Backups;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Audit;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>
/// One simulated MariaDB server. It holds the state and orchestrates plain components: the policy
/// engine's admission, the session table, pending rule changes, key revocation and threat watch.
/// Each call is one short synchronous turn; what it logs leaves in batches through the outbox.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ServerGrain(
    [FromKeyedServices(FleetSimClock.Key)] TimeProvider clock,
    FleetSimSiloOptions options,
    ILogger<ServerGrain> logger,
    [PersistentState("server", FleetSimSiloOptions.StateStorage)] IPersistentState<ServerGrainState> state) : Grain, IServerGrain
{
    /// <summary>Baselines change with every login; they are saved this long after, not per login.</summary>
    private static readonly TimeSpan ThreatSavePeriod = TimeSpan.FromSeconds(5);

    /// <summary>[FleetSim rule] Besides a snapshot at every change, one an hour, as the service backs up on a schedule.</summary>
    private static readonly TimeSpan BackupPeriod = TimeSpan.FromHours(1);

    private static readonly StatementResult Killed = new("ADMIN", SqlErrors.ConnectionKilled.Code, SqlErrors.ConnectionKilled.Message);
    private static readonly StatementResult GoneAway = new("ADMIN", 2006, "MySQL server has gone away");

    private ServerSpec? _spec;
    private ServerPolicy? _policy;
    private AccessControl? _access;
    private AuditTrail? _audit;
    private SessionTable _sessions = new();
    private PendingRuleChanges _rules = new();
    private KeyRevocation _key = new();
    private ThreatWatch _threats = new(null);
    private AuditOutbox _outbox = null!;
    private OnDemandTimer? _saveTimer;
    private IGrainTimer? _keyTimer;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new AuditOutbox(this, () => GrainFactory.GetGrain<IAuditSinkGrain>(AuditSinkKeys.For(_policy?.Region ?? "unknown", Name)), options.AuditDurability, logger);
        _saveTimer = new OnDemandTimer(this, SaveThreats, ThreatSavePeriod);
        this.RegisterGrainTimer(Snapshot, new GrainTimerCreationOptions(BackupPeriod, BackupPeriod));
        // A server reactivated elsewhere (its silo stopped) takes its configuration from the directory.
        var (spec, context) = await GrainFactory.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).GetServer(Name);
        if (spec is null)
            return;
        var saved = state.State;
        // Accounts changed at run time (CREATE USER, GRANT, ...) outlive the activation.
        if (saved.Access is { } access)
            _access = AccessControl.Import(access);
        _sessions = new SessionTable(saved.LastConnectionId);
        _threats = new ThreatWatch(saved.Threats);
        _rules = PendingRuleChanges.Restore(saved.FirewallRulesInForce, saved.VirtualNetworkRulesInForce, saved.RuleChangeTakesEffectAt);
        _key = KeyRevocation.Restore(saved.KeyLostAt, saved.KeyInaccessible);
        Configure(spec, context!, keepAccounts: _access is not null, clock.GetUtcNow());
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAudit();
        await SaveThreats();
    }

    public async Task Provision(ServerSpec spec, FleetContext context)
    {
        var now = clock.GetUtcNow();
        TimePassed(now);
        if (_rules.Change(_spec is null ? null : _rules.Apply(_spec), spec, context.RuleChangeDelay, now))
            ServerLog.RuleChangePending(logger, Name, _rules.TakesEffectAt!.Value);
        Configure(spec, context, keepAccounts: false, now);
        await Persist();
        await Snapshot();
        await _outbox.Deliver();
    }

    public async Task Deprovision()
    {
        if (_spec is not null)
            ServerLog.Deleted(logger, Name, _sessions.Count);
        EndSessions(clock.GetUtcNow());
        await FlushAudit();
        (_spec, _policy, _access, _audit) = (null, null, null, null);
        _keyTimer?.Dispose();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<string?> RevalidateKey()
    {
        if (_key.Revalidate(Name) is { } refusal)
            return refusal;
        if (_spec is null)
            return null;
        var now = clock.GetUtcNow();
        Judge(now);
        WatchKey(now);
        ServerLog.KeyRevalidated(logger, Name);
        await Persist();
        return null;
    }

    public async Task<ConnectResult> Connect(RoutedConnection connection)
    {
        var trace = connection.Explain ? new DecisionTrace() : null;
        if (_policy is null)
        {
            trace?.Add("server-state", false, $"no server '{Name}' is provisioned");
            return Results.From(ConnectionErrors.ServerNotFound(Name), Name, connection.Gateway, trace);
        }

        var now = clock.GetUtcNow();
        await CatchUp(now);
        var at = connection.At ?? now;
        var source = connection.Source.ToPresented();
        var request = new AdmissionRequest(connection.Login, connection.Password, connection.Tls, source, connection.Session.Database);
        var verdict = ServerAdmission.Admit(_policy, request, _access!, _sessions.Count, trace);

        var accounts = _access!.Version;
        var logged = _outbox.Logged;
        var result = verdict.Allowed
            ? Open(connection, source.ClientAddress, at, verdict, trace)
            : Refuse(connection, source.ClientAddress, at, verdict, trace);
        if (_access.Version != accounts)
        {
            await Persist();
            await Snapshot();
        }
        try
        {
            await _outbox.Deliver();
        }
        catch when (result.ConnectionId != 0)
        {
            // The client hears that the connection failed, so it must not stay open here either.
            _sessions.Close(result.ConnectionId, out _);
            throw;
        }
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<StatementResult> Execute(long connectionId, string sql, DateTimeOffset? at = null)
    {
        var now = clock.GetUtcNow();
        await CatchUp(now);
        if (!_sessions.TryGet(connectionId, out var session))
            return _spec is null || _sessions.WasKilled(connectionId) ? Killed : GoneAway;
        var logged = _outbox.Logged;
        var (result, changedAccounts) = Run(session, sql, at ?? now);
        if (changedAccounts)
        {
            await Persist();
            await Snapshot();
        }
        await _outbox.Deliver();
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<int> Disconnect(long connectionId, DateTimeOffset? at = null)
    {
        var now = clock.GetUtcNow();
        await CatchUp(now);
        if (!_sessions.Close(connectionId, out var session))
            return 0;
        var record = _audit!.Disconnected(at ?? now, session);
        _outbox.Add(record);
        await _outbox.Deliver();
        return record is null ? 0 : 1;
    }

    public async Task<ServerStatus> GetStatus()
    {
        await CatchUp(clock.GetUtcNow());
        return new ServerStatus(Name, _policy is not null, _policy?.State.ToString() ?? "NotFound",
            _sessions.Count, _policy?.MaxConnections ?? 0, _rules.TakesEffectAt);
    }

    public async Task RestoreAccounts(AccessControlState access)
    {
        _access = AccessControl.Import(access);
        await Persist();
        await Snapshot();
    }

    public Task FlushAudit() => _outbox.Flush();

    /// <summary>Takes a specification: what connections are judged by, who may log in, what is audited and watched.</summary>
    private void Configure(ServerSpec spec, FleetContext context, bool keepAccounts, DateTimeOffset now)
    {
        _spec = spec;
        if (!keepAccounts)
            _access = AccessControl.FromSpec(spec, _access);
        _audit = new AuditTrail(spec.Name!, spec.Region!, AuditPolicy.FromParameters(spec.Configurations));
        _threats.Configure(spec, context);
        if (_key.Observe(context.KeyUsable(spec), context.KeyRevocationDelay, now))
            ServerLog.KeyLost(logger, Name, _key.InaccessibleAt!.Value);
        WatchKey(now);
        Judge(now);
    }

    /// <summary>Compiles what connections are judged by now; open sessions end when the server can no longer serve them.</summary>
    private void Judge(DateTimeOffset now)
    {
        var policy = ServerPolicy.Compile(_rules.Apply(_spec!));
        _policy = policy with { State = _key.StateOf(policy.State) };
        if (_policy.State == ServerState.Ready || _sessions.Count == 0)
            return;
        ServerLog.CannotServe(logger, Name, _policy.State, _sessions.Count);
        EndSessions(now);
    }

    /// <summary>What time alone changes: a waiting rule change takes effect, a lost key's delay runs out.</summary>
    private bool TimePassed(DateTimeOffset now)
    {
        if (_spec is null)
            return false;
        var rulesApplied = _rules.TakeEffect(now);
        var keyRanOut = _key.RunOut(now);
        if (rulesApplied)
            ServerLog.RuleChangeApplied(logger, Name);
        if (keyRanOut)
            ServerLog.KeyInaccessible(logger, Name);
        if (!rulesApplied && !keyRanOut)
            return false;
        Judge(now);
        return true;
    }

    private async Task CatchUp(DateTimeOffset now)
    {
        if (!TimePassed(now))
            return;
        await Persist();
        await _outbox.Deliver();
    }

    /// <summary>The server ends every open session, each with its audit DISCONNECT record.</summary>
    private void EndSessions(DateTimeOffset at)
    {
        foreach (var session in _sessions.KillAll())
        {
            _outbox.Add(_audit?.Disconnected(at, session));
            ServerLog.SessionKilled(logger, Name, session.ConnectionId, session.User, session.ClientIp);
        }
    }

    /// <summary>While a lost key counts down, a timer ends the server's sessions when the delay runs out, traffic or not.</summary>
    private void WatchKey(DateTimeOffset now)
    {
        _keyTimer?.Dispose();
        _keyTimer = _key.InaccessibleAt is { } due
            ? this.RegisterGrainTimer(() => CatchUp(clock.GetUtcNow()), new GrainTimerCreationOptions(due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan))
            : null;
    }

    private ConnectResult Open(RoutedConnection connection, string ip, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        var asked = connection.Session;
        var id = _sessions.NextId();
        var session = new Session(_access!, id, connection.Login, ip, asked.Database);
        _outbox.Add(_audit!.Connected(at, id, ip, connection.Login, asked.Database));
        Observe(connection, ip, at, succeeded: true, 0);

        var statements = asked.Statements is { Count: > 0 } sqls ? sqls.Select(sql => Run(session, sql, at).Result).ToList() : null;
        if (asked.Hold)
            _sessions.Hold(session);
        else
            _outbox.Add(_audit.Disconnected(at, session));
        return Results.From(verdict, Name, connection.Gateway, trace, id) with { Statements = statements };
    }

    private ConnectResult Refuse(RoutedConnection connection, string ip, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        // Only what the server itself refused reaches its audit log; the network checks belong to
        // the gateway, whose own log records them.
        if (verdict.Reason is ConnectionReason.AccessDenied or ConnectionReason.TooManyConnections)
        {
            _outbox.Add(_audit!.LoginFailed(at, 0, ip, connection.Login, connection.Session.Database, verdict.Code));
            Observe(connection, ip, at, succeeded: false, verdict.Code);
        }
        return Results.From(verdict, Name, connection.Gateway, trace);
    }

    private (StatementResult Result, bool ChangedAccounts) Run(Session session, string sql, DateTimeOffset at)
    {
        var outcome = session.Execute(sql);
        _outbox.Add(_audit!.Statement(at, session, outcome));
        return (new StatementResult(outcome.Category.ToString(), outcome.ErrorCode, outcome.ErrorMessage), outcome.ChangedAccounts);
    }

    private void Observe(RoutedConnection connection, string ip, DateTimeOffset at, bool succeeded, int errorCode)
    {
        _outbox.Add(_threats.Observe(at, ip, connection.Login, connection.Session.App, succeeded, errorCode, _access!.Exists(connection.Login)));
        if (_threats.Unsaved)
            _saveTimer!.Arm();
    }

    private async Task<bool> SaveThreats()
    {
        if (_threats.Unsaved && _spec is not null)
            await Persist();
        return false;
    }

    private async Task Persist()
    {
        var saved = state.State;
        saved.Access = _access?.Export();
        saved.LastConnectionId = _sessions.LastConnectionId;
        saved.Threats = _threats.Export();
        (saved.KeyLostAt, saved.KeyInaccessible) = (_key.LostAt, _key.Inaccessible);
        var waiting = _rules.TakesEffectAt is not null;
        saved.FirewallRulesInForce = waiting ? [.. _rules.FirewallRulesInForce] : null;
        saved.VirtualNetworkRulesInForce = waiting ? [.. _rules.VirtualNetworkRulesInForce] : null;
        saved.RuleChangeTakesEffectAt = _rules.TakesEffectAt;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A backup is taken whenever what a restore brings back changes: the configuration or the
    /// accounts. Point-in-time restore then finds the state in force at any moment.
    /// </summary>
    private async Task Snapshot()
    {
        if (_spec is not null)
            await GrainFactory.GetGrain<IServerBackupGrain>(Name).Take(new ServerSnapshot(clock.GetUtcNow(), _spec, _access?.Export()));
    }
}
