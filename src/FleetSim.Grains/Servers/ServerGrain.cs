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
/// engine's admission, its sessions, pending rule changes, key revocation and threat watch, and
/// the outbox their records leave by. Each call is one short synchronous turn.
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

    private ServerSpec? _spec;
    private ServerPolicy? _policy;
    private ServerSessions _sessions = null!;
    private ThreatWatch _threats = null!;
    private PendingRuleChanges _rules = new();
    private KeyRevocation _key = new();
    private AuditOutbox _outbox = null!;
    private OnDemandTimer _threatSave = null!;
    private IGrainTimer? _keyTimer;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _outbox = new AuditOutbox(this, () => GrainFactory.GetGrain<IAuditSinkGrain>(AuditSinkKeys.For(_policy?.Region ?? "unknown", Name)), options.AuditDurability, logger);
        _threatSave = new OnDemandTimer(this, SaveThreats, ThreatSavePeriod);
        this.RegisterGrainTimer(Snapshot, new GrainTimerCreationOptions(BackupPeriod, BackupPeriod));
        var saved = state.State;
        _threats = new ThreatWatch(saved.Threats);
        _sessions = new ServerSessions(Name, new SessionTable(saved.LastConnectionId), _threats, _outbox, logger, _threatSave.Arm);
        // A server reactivated elsewhere (its silo stopped) takes its configuration from the directory.
        var (spec, context) = await GrainFactory.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).GetServer(Name);
        if (spec is null)
            return;
        // Accounts changed at run time (CREATE USER, GRANT, ...) outlive the activation.
        _sessions.Access = saved.Access is { } access ? AccessControl.Import(access) : null;
        (_rules, _key) = (saved.PendingRules(), saved.Key());
        Configure(spec, context!, keepAccounts: _sessions.Access is not null, clock.GetUtcNow());
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
            ServerLog.Deleted(logger, Name, _sessions.Table.Count);
        _sessions.KillAll(clock.GetUtcNow());
        await FlushAudit();
        (_spec, _policy, _sessions.Access, _sessions.Audit) = (null, null, null, null);
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
        var source = connection.Source.ToPresented();
        var request = new AdmissionRequest(connection.Login, connection.Password, connection.Tls, source, connection.Session.Database, connection.Proof);
        var verdict = ServerAdmission.Admit(_policy, request, _sessions.Access!, _sessions.Table.Count, trace);

        var accounts = _sessions.Access!.Version;
        var logged = _outbox.Logged;
        var at = connection.At ?? now;
        var result = verdict.Allowed
            ? _sessions.Open(connection, source.ClientAddress, at, verdict, trace)
            : _sessions.Refuse(connection, source.ClientAddress, at, verdict, trace);
        if (_sessions.Access.Version != accounts)
            await AccountsChanged();
        try
        {
            await _outbox.Deliver();
        }
        catch when (result.ConnectionId != 0)
        {
            // The client hears that the connection failed, so it must not stay open here either.
            _sessions.Table.Close(result.ConnectionId, out _);
            throw;
        }
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<StatementResult> Execute(long connectionId, string sql, DateTimeOffset? at = null)
    {
        var now = clock.GetUtcNow();
        await CatchUp(now);
        var logged = _outbox.Logged;
        var (result, changedAccounts) = _sessions.Execute(connectionId, sql, at ?? now, serverGone: _spec is null);
        if (changedAccounts)
            await AccountsChanged();
        await _outbox.Deliver();
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<int> Disconnect(long connectionId, DateTimeOffset? at = null)
    {
        var now = clock.GetUtcNow();
        await CatchUp(now);
        var logged = _sessions.Close(connectionId, at ?? now);
        await _outbox.Deliver();
        return logged;
    }

    public async Task<ServerStatus> GetStatus()
    {
        await CatchUp(clock.GetUtcNow());
        return new ServerStatus(Name, _policy is not null, _policy?.State.ToString() ?? "NotFound",
            _sessions.Table.Count, _policy?.MaxConnections ?? 0, _rules.TakesEffectAt);
    }

    public async Task RestoreAccounts(AccessControlState access)
    {
        _sessions.Access = AccessControl.Import(access);
        await AccountsChanged();
    }

    public Task FlushAudit() => _outbox.Flush();

    /// <summary>Takes a specification: what connections are judged by, who may log in, what is audited and watched.</summary>
    private void Configure(ServerSpec spec, FleetContext context, bool keepAccounts, DateTimeOffset now)
    {
        _spec = spec;
        if (!keepAccounts)
            _sessions.Access = AccessControl.FromSpec(spec);
        _sessions.Audit = new AuditTrail(spec.Name!, spec.Region!, AuditPolicy.FromParameters(spec.Configurations));
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
        _sessions.Variables = ServerVariables.For(_spec!, _policy);
        if (_policy.State == ServerState.Ready || _sessions.Table.Count == 0)
            return;
        ServerLog.CannotServe(logger, Name, _policy.State, _sessions.Table.Count);
        _sessions.KillAll(now);
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

    /// <summary>While a lost key counts down, a timer ends the server's sessions when the delay runs out, traffic or not.</summary>
    private void WatchKey(DateTimeOffset now)
    {
        _keyTimer?.Dispose();
        _keyTimer = _key.InaccessibleAt is { } due
            ? this.RegisterGrainTimer(() => CatchUp(clock.GetUtcNow()), new GrainTimerCreationOptions(due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan))
            : null;
    }

    private async Task AccountsChanged()
    {
        await Persist();
        await Snapshot();
    }

    private async Task<bool> SaveThreats()
    {
        if (_threats.Unsaved && _spec is not null)
            await Persist();
        return false;
    }

    private async Task Persist()
    {
        state.State.Record(_sessions.Access, _sessions.Table, _threats.Export(), _key, _rules);
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A backup is taken whenever what a restore brings back changes: the configuration or the
    /// accounts. Point-in-time restore then finds the state in force at any moment.
    /// </summary>
    private async Task Snapshot()
    {
        if (_spec is not null)
            await GrainFactory.GetGrain<IServerBackupGrain>(Name).Take(new ServerSnapshot(clock.GetUtcNow(), _spec, _sessions.Access?.Export()));
    }
}
