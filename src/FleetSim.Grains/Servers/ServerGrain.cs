using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Backups;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Audit;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Servers;

/// <summary>
/// One simulated MariaDB server: its compiled policy, accounts and grants (hashes only), open
/// sessions, audit trail and threat detector. Each call is one short synchronous turn; audit
/// records and alerts leave in batches through the outbox.
/// </summary>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class ServerGrain(
    TimeProvider clock,
    FleetSimSiloOptions options,
    [PersistentState("server", FleetSimSiloOptions.StateStorage)] IPersistentState<ServerGrainState> state) : Grain, IServerGrain
{
    private ServerPolicy? _policy;
    private AccessControl? _access;
    private AuditTrail? _audit;
    private ThreatDetector? _threats;
    private AddressBook _addresses = AddressBook.Empty;
    private readonly Dictionary<long, Session> _sessions = [];
    private readonly AuditOutbox _outbox = new();
    private long _lastConnectionId;
    private (ServerPolicy Policy, DateTimeOffset At)? _pendingRules;
    private ThreatDetectorState? _learned;
    private bool _keyUsable = true;
    private TimeSpan _keyRevocationDelay;
    private bool _threatsChanged;

    /// <summary>Baselines change with every login; they are saved this often, not per login.</summary>
    private static readonly TimeSpan ThreatSavePeriod = TimeSpan.FromSeconds(5);

    /// <summary>[FleetSim rule] Besides a snapshot at every change, one an hour, as the service backs up on a schedule.</summary>
    private static readonly TimeSpan BackupPeriod = TimeSpan.FromHours(1);

    private string Name => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAudit, new GrainTimerCreationOptions(AuditOutbox.FlushPeriod, AuditOutbox.FlushPeriod));
        this.RegisterGrainTimer(SaveThreats, new GrainTimerCreationOptions(ThreatSavePeriod, ThreatSavePeriod));
        this.RegisterGrainTimer(Snapshot, new GrainTimerCreationOptions(BackupPeriod, BackupPeriod));
        // A server reactivated elsewhere (its silo stopped) takes its configuration from the directory.
        var (spec, context) = await GrainFactory.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).GetServer(Name);
        if (spec is null)
            return;
        // Accounts changed at run time (CREATE USER, GRANT, ...) outlive the activation.
        if (state.State.Access is { } access)
            _access = AccessControl.Import(access);
        _lastConnectionId = state.State.LastConnectionId;
        _learned = state.State.Threats;
        Apply(spec, context!, keepAccounts: _access is not null);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await FlushAudit();
        await SaveThreats();
    }

    private async Task SaveThreats()
    {
        if (!_threatsChanged || _policy is null)
            return;
        _threatsChanged = false;
        await Persist();
    }

    public async Task Provision(ServerSpec spec, FleetContext context)
    {
        var before = _policy;
        Apply(spec, context, keepAccounts: false);
        DelayRuleChanges(before, context.RuleChangeDelay);
        // The key became unreachable now: the server keeps serving for the revocation delay.
        if (!_keyUsable)
            state.State.KeyLostAt ??= clock.GetUtcNow();
        else if (!state.State.KeyInaccessible)
            state.State.KeyLostAt = null;
        await Persist();
        await Snapshot();
    }

    public async Task<string?> RevalidateKey()
    {
        if (!_keyUsable)
            return $"the customer-managed key of server '{Name}' is still unreachable: restore access to it in its key vault first";
        (state.State.KeyLostAt, state.State.KeyInaccessible) = (null, false);
        await Persist();
        return null;
    }

    /// <summary>Past the revocation delay without its key, the server is Inaccessible until revalidated.</summary>
    private bool KeyInaccessible(DateTimeOffset at)
    {
        if (!state.State.KeyInaccessible && state.State.KeyLostAt is { } lost && at >= lost + _keyRevocationDelay)
            state.State.KeyInaccessible = true;
        return state.State.KeyInaccessible;
    }

    public async Task Deprovision()
    {
        await FlushAudit();
        (_policy, _access, _audit, _threats) = (null, null, null, null);
        _sessions.Clear();
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public async Task<ConnectResult> Connect(RoutedConnection connection)
    {
        var trace = connection.Explain ? new DecisionTrace() : null;
        if (_policy is null)
        {
            trace?.Add("server-state", false, $"no server '{Name}' is provisioned");
            return Results.From(ConnectionErrors.ServerNotFound(Name), Name, connection.Gateway, trace);
        }

        var at = connection.At ?? clock.GetUtcNow();
        ApplyDueRules(at);
        if (!TlsVersions.TryParseOffered(connection.Tls, out var tls))
            throw new ArgumentException($"tls: '{connection.Tls}' is not one of none, 1.0, 1.1, 1.2, 1.3", nameof(connection));
        var source = new PresentedSource((PresentedKind)connection.SourceKind, new Ipv4(connection.SourceAddress), connection.SubnetId, connection.PrivateEndpoint);
        var request = new AdmissionRequest(connection.Login, connection.Password, tls, source);
        var policy = KeyInaccessible(at) ? _policy with { State = ServerState.Inaccessible } : _policy;
        var verdict = ServerAdmission.Admit(policy, request, _access!, _sessions.Count, trace);
        if (verdict.Allowed && connection.Database is not null && _access!.AuthorizeDatabase(connection.Login, connection.Database) is { } noDatabase)
        {
            trace?.Add("database", false, noDatabase.Message);
            verdict = new Verdict(ConnectionReason.AccessDenied, noDatabase.Code, noDatabase.Message);
        }

        var accounts = _access!.Version;
        var logged = _outbox.Logged;
        var result = verdict.Allowed
            ? Open(connection, source, at, verdict, trace)
            : Refuse(connection, source, at, verdict, trace);
        if (_access.Version != accounts)
        {
            await Persist();
            await Snapshot();
        }
        try
        {
            await DeliverAudit();
        }
        catch when (result.ConnectionId != 0)
        {
            // The client hears that the connection failed, so it must not stay open here either.
            _sessions.Remove(result.ConnectionId);
            throw;
        }
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<StatementResult> Execute(long connectionId, string sql, DateTimeOffset? at = null)
    {
        if (!_sessions.TryGetValue(connectionId, out var session))
            return new StatementResult("ADMIN", 2006, "MySQL server has gone away");
        var logged = _outbox.Logged;
        var (result, changedAccounts) = Run(session, sql, at ?? clock.GetUtcNow());
        if (changedAccounts)
        {
            await Persist();
            await Snapshot();
        }
        await DeliverAudit();
        return result with { Audited = (int)(_outbox.Logged - logged) };
    }

    public async Task<int> Disconnect(long connectionId, DateTimeOffset? at = null)
    {
        if (!_sessions.Remove(connectionId, out var session))
            return 0;
        var logged = _outbox.Logged;
        _outbox.Add(_audit!.Disconnected(at ?? clock.GetUtcNow(), session));
        await DeliverAudit();
        return (int)(_outbox.Logged - logged);
    }

    /// <summary>
    /// At the end of every call: batched, the outbox leaves when full (else on the timer);
    /// acknowledged, the caller hears back only once the call's records are stored.
    /// </summary>
    private Task DeliverAudit() =>
        options.AuditDurability == AuditDurability.Acknowledged
            ? _outbox.CommitTo(Sink)
            : _outbox.IsFull ? FlushAudit() : Task.CompletedTask;

    private IAuditSinkGrain Sink => GrainFactory.GetGrain<IAuditSinkGrain>(AuditSinkKeys.For(_policy?.Region ?? "unknown", Name));

    public Task FlushAudit() => _policy is null && _outbox.Count == 0
        ? Task.CompletedTask
        : _outbox.FlushTo(Sink);

    public Task<ServerStatus> GetStatus()
    {
        ApplyDueRules(clock.GetUtcNow());
        var status = _policy is null ? "NotFound" : KeyInaccessible(clock.GetUtcNow()) ? nameof(ServerState.Inaccessible) : _policy.State.ToString();
        return Task.FromResult(new ServerStatus(Name, _policy is not null, status,
            _sessions.Count, _policy?.MaxConnections ?? 0, _pendingRules?.At));
    }

    /// <summary>
    /// Firewall and VNet rule changes take the fleet's ruleChangeDelay to apply, as they take up to
    /// five minutes in the real service: until then the server keeps judging by its old rules.
    /// </summary>
    private void DelayRuleChanges(ServerPolicy? before, TimeSpan delay)
    {
        if (before is null || delay <= TimeSpan.Zero || _policy is null)
            return;
        var rulesChanged = !before.FirewallRules.Rules.SequenceEqual(_policy.FirewallRules.Rules)
            || !before.VirtualNetworkRulesBySubnet.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase)
                .SequenceEqual(_policy.VirtualNetworkRulesBySubnet.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase));
        if (!rulesChanged)
            return;
        _pendingRules = (_policy, clock.GetUtcNow() + delay);
        _policy = _policy with { FirewallRules = before.FirewallRules, VirtualNetworkRulesBySubnet = before.VirtualNetworkRulesBySubnet };
    }

    private void ApplyDueRules(DateTimeOffset now)
    {
        if (_pendingRules is not { } pending || now < pending.At || _policy is null)
            return;
        _policy = _policy with { FirewallRules = pending.Policy.FirewallRules, VirtualNetworkRulesBySubnet = pending.Policy.VirtualNetworkRulesBySubnet };
        _pendingRules = null;
    }

    private ConnectResult Open(RoutedConnection connection, PresentedSource source, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        // Connection ids count every accepted connection, as MariaDB's do, held or not.
        var id = ++_lastConnectionId;
        var ip = source.ClientAddress;
        var session = new Session(_access!, id, connection.Login, ip, connection.Database);
        _outbox.Add(_audit!.Connected(at, id, ip, connection.Login, connection.Database));
        Observe(connection, ip, at, succeeded: true, 0);

        var statements = connection.Statements is { Count: > 0 } sqls ? sqls.Select(sql => Run(session, sql, at).Result).ToList() : null;
        if (connection.Hold)
            _sessions[id] = session;
        else
            _outbox.Add(_audit.Disconnected(at, session));
        return Results.From(verdict, Name, connection.Gateway, trace, id) with { Statements = statements };
    }

    private ConnectResult Refuse(RoutedConnection connection, PresentedSource source, DateTimeOffset at, Verdict verdict, DecisionTrace? trace)
    {
        // Only what the server itself refused reaches its audit log; the network checks belong to
        // the gateway, whose own log records them.
        if (verdict.Reason is ConnectionReason.AccessDenied or ConnectionReason.TooManyConnections)
        {
            var ip = source.ClientAddress;
            _outbox.Add(_audit!.LoginFailed(at, 0, ip, connection.Login, connection.Database, verdict.Code));
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

    private ServerSpec? _spec;

    private async Task Persist()
    {
        state.State.Access = _access?.Export();
        state.State.LastConnectionId = _lastConnectionId;
        state.State.Threats = _threats?.Export();
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

    public async Task RestoreAccounts(AccessControlState access)
    {
        _access = AccessControl.Import(access);
        await Persist();
        await Snapshot();
    }

    private void Observe(RoutedConnection connection, string ip, DateTimeOffset at, bool succeeded, int errorCode)
    {
        if (_threats is null || !_threats.Policy.Active)
            return;
        var login = new LoginEvent(at, ip, connection.Login, connection.App, succeeded, errorCode, _addresses.Lookup(ip), _access!.Exists(connection.Login));
        _outbox.Add(_threats.Observe(login));
        _threatsChanged = true;
    }

    private void Apply(ServerSpec spec, FleetContext context, bool keepAccounts)
    {
        _policy = ServerPolicy.Compile(spec);
        _spec = spec;
        _keyUsable = context.KeyUsable(spec);
        _keyRevocationDelay = context.KeyRevocationDelay;
        if (!keepAccounts)
            _access = AccessControl.FromSpec(spec);
        var auditPolicy = AuditPolicy.FromParameters(spec.Configurations);
        _audit = new AuditTrail(_policy.Name, _policy.Region, auditPolicy);
        var protection = ThreatProtectionPolicy.FromSpec(spec);
        var settings = ThreatDetectionSettings.FromSpec(context.ThreatDetection ?? new ThreatDetectionSpec());
        // Re-provisioning keeps what the detector learned; only the policy (state, disabled alerts) changes.
        if (_threats is null)
            _threats = _learned is { } learned ? ThreatDetector.Import(_policy.Name, protection, settings, learned) : new ThreatDetector(_policy.Name, protection, settings);
        else
            _threats.Policy = protection;
        _addresses = AddressBook.FromSpec(new FleetSpec { Internet = [.. context.Internet], ThreatIntelligence = [.. context.ThreatIntelligence] });
    }
}
