using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Modelling;

/// <summary>
/// The one owner of a gateway address's worker queue in simulated time (key: the address). The
/// gateway grain is a stateless worker with an activation per core and silo; splitting the queue
/// among them would make the figures depend on the machine, so they all pass through this grain.
/// Called only when the fleet has a model.
/// </summary>
public interface IGatewayQueueGrain : IGrainWithStringKey
{
    /// <summary>The connection's leg up to and through the gateway: network, TLS, the queue and the gateway's work.</summary>
    Task<ModelledLatency> Pass(GatewayArrival arrival);

    /// <summary>A proxied session's statement up to and through the gateway: the client's round trip, the queue and the relay.</summary>
    Task<ModelledLatency> Relay(StatementArrival arrival);

    /// <summary>What the queue has served so far, for utilisation.</summary>
    Task<QueueLoad> Load();
}

/// <summary>A connection reaching a gateway address, in simulated milliseconds (Unix time); Key keys its samples.</summary>
[GenerateSerializer, Immutable]
public sealed record GatewayArrival(string Key, double ArrivalMs, SourceKind Source, Policy.Spec.TlsVersion Tls, long DirectoryVersion);

/// <summary>
/// A statement of a held session leaving its client, in simulated milliseconds (Unix time): Key
/// (the session's) and Index key its samples; Redirected says the session skips the gateway.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StatementArrival(string Key, int Index, double ArrivalMs, SourceKind Source, bool Redirected, long DirectoryVersion);

/// <summary>A statement reaching its server in the model: when, when its client gives up, what keys its samples.</summary>
[GenerateSerializer, Immutable]
public sealed record StatementVisit(string Key, int Index, double ArrivalMs, double GiveUpAtMs, long DirectoryVersion);

/// <summary>
/// A connection reaching its server in the model: when (simulated Unix milliseconds), when its client
/// gives up, the key of its samples and the directory version whose model applies. Direct: a
/// redirected session's reconnect, whose client hears the server itself rather than a hop later.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ModelledVisit(string Key, double ArrivalMs, double GiveUpAtMs, long DirectoryVersion, bool Direct = false);

/// <summary>A queue's work so far: workers, time they spent serving, requests served and abandoned, the span of simulated time it saw.</summary>
[GenerateSerializer, Immutable]
public sealed record QueueLoad(string Name, int Workers, double BusyMs, long Served, long Abandoned, double FirstArrivalMs, double LastArrivalMs)
{
    public static QueueLoad Empty(string name) => new(name, 0, 0, 0, 0, 0, 0);

    /// <summary>The share of the workers' time spent serving between the first and the last arrival.</summary>
    public double Utilisation => Workers == 0 || LastArrivalMs <= FirstArrivalMs ? 0 : BusyMs / ((LastArrivalMs - FirstArrivalMs) * Workers);
}
