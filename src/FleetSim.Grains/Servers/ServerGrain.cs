using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Backups;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Contracts.Modelling;
using FleetSim.Grains.Audit;
using FleetSim.Grains.Modelling;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetSim.Grains.Servers;

/// <summary>
/// One simulated MariaDB server. It holds the state and orchestrates plain components: the policy
/// in force (delayed rule changes, key revocation), admission, its sessions, threat watch, the
/// backup schedule, and the outbox their records leave by. Each call is one short synchronous turn.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ServerGrain(
    [FromKeyedServices(FleetSimClock.Key)] TimeProvider clock,
    FleetSimSiloOptions options,
    ILogger<ServerGrain> logger,
    Contracts.GrainReferences<IAuditSinkGrain> sinks,
    [PersistentState("server", FleetSimSiloOptions.StateStorage)] IPersistentState<ServerGrainState> state) : Grain, IServerGrain
{
    private PolicyInForce _served = null!;
    private ServerSessions _sessions = null!;
    private ThreatWatch _threats = null!;
    private AuditOutbox _outbox = null!;
    private (string Region, IAuditSinkGrain Sink)? _sink;
    private BackupSchedule _backups = null!;
    private DueTimer _keyWatch = null!;
    private readonly ServerQueue _modelled = new();
    private bool _deprovisioned;

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _served = new PolicyInForce(Name, logger);
        _outbox = new AuditOutbox(this, Sink, options.AuditDurability, logger);
        var threatSave = new OnDemandTimer(this, SaveThreats, ThreatWatch.SavePeriod);
        // While a lost key counts down, a timer ends the server's sessions when the delay runs out, traffic or not.
        _keyWatch = new DueTimer(this, clock, async () => await CatchUp());
        var backupRetry = new OnDemandTimer(this, () => _backups.Retry(), BackupSchedule.RetryPeriod);
        _backups = new BackupSchedule(Name, clock, Snapshot, backupRetry.Arm, logger);
        var saved = state.State;
        _threats = new ThreatWatch(saved.Threats);
        _sessions = new ServerSessions(Name, saved.Sessions(), _threats, _outbox, logger, threatSave.Arm);
        await TakeConfiguration();
    }

    /// <summary>
    /// A server that activates (created on demand, or reactivated elsewhere when its silo stopped)
    /// takes its configuration from the directory, with what it had saved.
    /// </summary>
    private async Task TakeConfiguration()
    {
        var (spec, context) = await GrainFactory.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).GetServer(Name);
        if (spec is null)
            return;
        var saved = state.State;
        // Accounts changed at run time (CREATE USER, GRANT, ...) outlive the activation.
        _sessions.Access = saved.Access is { } access ? AccessControl.Import(access) : null;
        _served.Restore(saved.PendingRules(), saved.Key());
        Configure(spec, context!, keepAccounts: _sessions.Access is not null, clock.GetUtcNow());
    }

    /// <summary>
    /// An activation that found no server may have asked while the server was being created, and
    /// nothing provisions a server created on demand: it asks again when it is called.
    /// </summary>
    private Task Unconfigured() => _served.Spec is null && !_deprovisioned ? TakeConfiguration() : Task.CompletedTask;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAudit();
        await SaveThreats();
        await _backups.Retry();
    }

    public async Task Provision(ServerSpec spec, FleetContext context)
    {
        var now = clock.GetUtcNow();
        _deprovisioned = false;
        _served.Change(spec, context.RuleChangeDelay, now);
        Configure(spec, context, keepAccounts: false, now);
        await Persist();
        await _backups.Changed();
        await _outbox.Deliver();
    }

    public async Task Deprovision()
    {
        _deprovisioned = true;
        _sessions.Deleted(clock.GetUtcNow());
        await FlushAudit();
        _served.Clear();
        _backups.Stop();
        _keyWatch.At(null);
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<string?> RevalidateKey()
    {
        var refusal = _served.RevalidateKey();
        if (refusal is null && _served.Spec is not null)
        {
            PolicyChanged(clock.GetUtcNow());
            await Persist();
        }
        return refusal;
    }

    public async Task<ConnectResult> Connect(RoutedConnection connection)
    {
        var trace = connection.Explain ? new DecisionTrace() : null;
        await Unconfigured();
        if (_served.Policy is null)
            return Results.From(_served.NotFound(trace), Name, connection.Gateway, trace);

        // With a fleet model: this server's queue in simulated time; a client that gave up is never judged.
        var modelled = await _modelled.Serve(ServiceProvider, connection.Modelled, _served.Spec);
        if (modelled is { TimedOut: true })
            return Results.From(ConnectionErrors.ClientTimeout, Name, connection.Gateway, trace) with { Modelled = modelled };

        var now = await CatchUp();
        var source = connection.Source.ToPresented();
        var verdict = _served.Admit(connection, source, _sessions.Access!, _sessions.Table.Count, trace);

        var logged = _outbox.Logged;
        var (result, changedAccounts) = _sessions.Answer(connection, source.ClientAddress, connection.At ?? now, verdict, trace);
        if (connection.Decision is { } decision)
            _outbox.Add(GatewayDecisions.Completed(decision, result));
        if (changedAccounts)
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
        return result with { Audited = (int)(_outbox.Logged - logged), Modelled = modelled, DecisionLogged = connection.Decision is not null };
    }

    public async Task<StatementResult> Execute(long connectionId, string sql, DateTimeOffset? at = null, StatementVisit? modelled = null)
    {
        var now = await CatchUp();
        var leg = await _modelled.Statement(ServiceProvider, modelled, _served.Spec);
        var logged = _outbox.Logged;
        var (result, changedAccounts) = _sessions.Execute(connectionId, sql, at ?? now, serverGone: _served.Spec is null);
        if (changedAccounts)
            await AccountsChanged();
        await _outbox.Deliver();
        return result with { Audited = (int)(_outbox.Logged - logged), Modelled = leg };
    }

    public async Task<int> Disconnect(long connectionId, DateTimeOffset? at = null)
    {
        var now = await CatchUp();
        var logged = _sessions.Close(connectionId, at ?? now);
        await _outbox.Deliver();
        return logged;
    }

    public async Task<ServerStatus> GetStatus()
    {
        await Unconfigured();
        await CatchUp();
        return _served.Status(_sessions.Table.Count);
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
        _sessions.Configure(spec, keepAccounts);
        _threats.Configure(spec, context);
        _served.Configure(spec, context, now);
        PolicyChanged(now);
    }

    /// <summary>The policy in force changed: open sessions end when the server can no longer serve them, and a lost key is watched.</summary>
    private void PolicyChanged(DateTimeOffset now)
    {
        _keyWatch.At(_served.Key.InaccessibleAt);
        _sessions.Variables = ServerVariables.For(_served.Spec!, _served.Policy!);
        if (!_served.CanServe)
            _sessions.CannotServe(now, _served.Policy!.State);
    }

    // This server's audit sink, by its region: its key is worked out once, not at every delivery.
    private IAuditSinkGrain Sink()
    {
        var region = _served.Policy?.Region ?? "unknown";
        if (_sink is not { } sink || sink.Region != region)
            _sink = sink = (region, sinks[AuditSinkKeys.For(region, Name)]);
        return sink.Sink;
    }

    /// <summary>Applies what time alone changed since the last call; returns the time now (without allocating, when nothing changed).</summary>
    private async ValueTask<DateTimeOffset> CatchUp()
    {
        var now = clock.GetUtcNow();
        if (!_served.TimePassed(now))
            return now;
        PolicyChanged(now);
        await Persist();
        await _outbox.Deliver();
        return now;
    }

    private async Task AccountsChanged()
    {
        await Persist();
        await _backups.Changed();
    }

    private async Task<bool> SaveThreats()
    {
        if (_threats.Unsaved && _served.Spec is not null)
            await Persist();
        return false;
    }

    private async Task Persist()
    {
        state.State.Record(_sessions.Access, _sessions.Table, _threats.Export(), _served.Key, _served.Rules);
        await state.WriteStateAsync();
    }

    /// <summary>What a restore brings back: the configuration and the accounts, as they are from <paramref name="at"/>.</summary>
    private async Task Snapshot(DateTimeOffset at)
    {
        if (_served.Spec is { } spec)
            await GrainFactory.GetGrain<IServerBackupGrain>(Name).Take(new ServerSnapshot(at, spec, _sessions.Access?.Export()));
    }
}
