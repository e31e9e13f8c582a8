using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Connections;

/// <summary>A simulated MariaDB server, keyed by its name. Never dialled directly: only gateways call it.</summary>
public interface IServerGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the server from its (validated) specification; open sessions survive.</summary>
    Task Provision(ServerSpec spec, FleetContext context);

    /// <summary>Removes the server: later connections get ServerNotFound.</summary>
    Task Deprovision();

    /// <summary>Applies the server's checks (state, TLS, network, authentication, max_connections).</summary>
    Task<ConnectResult> Connect(RoutedConnection connection);

    /// <summary>Runs a statement in an open session: privileges, DCL effects, audit.</summary>
    /// <remarks>With <paramref name="modelled"/>, the result carries the server's leg of the statement's modelled latency.</remarks>
    Task<StatementResult> Execute(long connectionId, string sql, DateTimeOffset? at = null, Modelling.StatementVisit? modelled = null);

    /// <summary>Closes a held connection; returns how many audit records that logged.</summary>
    Task<int> Disconnect(long connectionId, DateTimeOffset? at = null);

    /// <summary>Sends buffered audit records and alerts to the server's audit sink now.</summary>
    Task FlushAudit();

    Task<ServerStatus> GetStatus();

    /// <summary>
    /// After access to a revoked customer-managed key is restored, brings an Inaccessible server
    /// back; refused while the key is still unreachable.
    /// </summary>
    Task<string?> RevalidateKey();

    /// <summary>Replaces the accounts with a backup's (a server restored from another).</summary>
    Task RestoreAccounts(AccessControlState access);
}

/// <summary>What a server needs to know about its fleet: where addresses are and how threats are judged.</summary>
[GenerateSerializer, Immutable]
public sealed record FleetContext(
    IReadOnlyList<InternetRangeSpec> Internet,
    IReadOnlyList<ThreatIntelligenceSpec> ThreatIntelligence,
    ThreatDetectionSpec? ThreatDetection,
    TimeSpan RuleChangeDelay = default,
    IReadOnlyList<KeyVaultSpec>? KeyVaults = null,
    TimeSpan KeyRevocationDelay = default)
{
    public static FleetContext From(FleetSpec fleet) => new(fleet.Internet, fleet.ThreatIntelligence, fleet.ThreatDetection,
        SpecDuration.TryParse(fleet.RuleChangeDelay, out var delay) ? delay : TimeSpan.Zero,
        fleet.KeyVaults,
        SpecDuration.TryParse(fleet.KeyRevocationDelay, out var revocation) ? revocation : TimeSpan.FromMinutes(10));

    /// <summary>True when the server's customer-managed key, if it has one, can unwrap its data key.</summary>
    public bool KeyUsable(ServerSpec server) =>
        Policy.Validation.KeyVaultValidator.KeyUsable(KeyVaults ?? [], server);
}

[GenerateSerializer, Immutable]
public sealed record ServerStatus(string Name, bool Provisioned, string State, int OpenConnections, int MaxConnections, DateTimeOffset? PendingRulesApplyAt = null);
