using FleetSim.Contracts;
using FleetSim.Contracts.Audit;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Audit;
using FleetSim.Grains.Modelling;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// A regional gateway ring, keyed by its public address. Stateless and reentrant: activations are
/// local to each silo and keep serving while earlier connections wait on their servers. Every
/// decision, denials included, goes to the gateway connection log, since a connection refused
/// here never reaches a server's audit log.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class GatewayGrain(DirectoryCache directoryCache, [FromKeyedServices(FleetSimClock.Key)] TimeProvider clock, FleetSimSiloOptions options,
    GrainReferences<IServerGrain> servers, GrainReferences<IAuditSinkGrain> sinks, ILogger<GatewayGrain> logger) : Grain, IGatewayGrain
{
    private AuditOutbox _outbox = null!;
    private GatewayAddress? _self;
    private Ipv4 _ip;
    private string _address = "";
    private DecisionFeed? _feed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // The key is the gateway's address: parsed once per activation, not once per connection.
        _ip = Ipv4.Parse(this.GetPrimaryKeyString());
        _address = _ip.ToString();
        _outbox = new AuditOutbox(this, () => _self is null ? null : SinkOf(_self), options.AuditDurability, logger, interleave: true);
        _feed = ServiceProvider.GetService<DecisionFeed>();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await _outbox.Flush();

    public async Task<ConnectResult> Connect(ConnectRequest request)
    {
        var directory = await directoryCache.Get(request.DirectoryVersion);
        // A watched feed asks for a few traces a second, for the page to show in full; only an explain gets its trace back.
        var trace = request.Explain || _feed?.TraceThis() == true ? new DecisionTrace() : null;
        if (!directory.TryGetGateway(_ip, out var gateway))
        {
            trace?.Add("gateway", false, $"{_address} is not a gateway address of any region");
            GatewayLog.NotAGateway(logger, _address, directoryCache.Version);
            return Results.From(ConnectionErrors.GatewayUnreachable(_address), null, _address, trace);
        }

        var attempt = ConnectRequests.ToAttempt(request);
        // A client that knows no fleet version (a real one, over the wire) may name a server created since this silo's copy.
        (gateway, var route, var denial) = await directoryCache.Route(directory, gateway, attempt, trace, recheck: request.DirectoryVersion == 0);
        _self = gateway;
        var at = request.At ?? clock.GetUtcNow();
        // With a fleet model: this address's queue in simulated time (null without one).
        var leg = await GatewayModelling.Pass(GrainFactory, directory, directoryCache.Version, _address, request, at, denial);
        if (route is null || leg is { TimedOut: true })
        {
            var server = GatewayRouting.SplitUser(request.User, request.Host).Server;
            var refusal = GatewayModelling.Refusal(leg, denial);
            var denied = GatewayModelling.Finish(Results.From(refusal, server, _address, trace), directory, leg, reachedServer: false);
            if (refusal.Reason == ConnectionReason.GatewayUnreachable)
                return Asked(denied, request);
            await Log(at, gateway, server, ConnectRequests.Describe(attempt.Source), request, attempt.Source, refusal, denied.Trace);
            return Asked(denied with { Audited = 1 }, request);
        }

        var routed = ConnectRequests.ToRouted(request, route, _address);
        if (trace is not null && !request.Explain)
            routed = routed with { Explain = true };
        routed = GatewayModelling.Visit(routed, directory, directoryCache.Version, request, at, leg);
        var presented = route.Source.ToString();
        // Acknowledged: the server completes this connection's log entry and commits it with its
        // CONNECT record, so that the client waits on one commit, not two in turn. (Not when the
        // model may still turn the verdict into a timeout after the server: the gateway logs that.)
        if (options.AuditDurability == AuditDurability.Acknowledged && leg is null)
            routed = routed with { Decision = Decision(at, gateway, route.Server, presented, request, attempt.Source, Undecided) };
        var result = GatewayModelling.Finish(await servers[route.Server].Connect(routed), directory, leg, reachedServer: true);
        result = trace is null ? result : result with { Trace = [.. TraceEntry.From(trace)!, .. result.Trace ?? []] };
        var verdict = new Verdict(result.Reason, result.Code, result.Message, result.Rule);
        if (result.DecisionLogged)
        {
            _feed?.Publish(at, gateway, route.Server, presented, request.User, verdict, result.Trace);
            return Asked(result, request);
        }
        await Log(at, gateway, route.Server, presented, request, attempt.Source, verdict, result.Trace);
        return Asked(result with { Audited = result.Audited + 1 }, request);
    }

    public Task<StatementResult> Execute(string server, long connectionId, string sql, DateTimeOffset? at = null, Contracts.Modelling.StatementArrival? modelled = null) =>
        GatewayModelling.Execute(GrainFactory, directoryCache, _address, server, connectionId, sql, at, modelled);

    public Task<int> Disconnect(string server, long connectionId, DateTimeOffset? at = null) =>
        servers[server].Disconnect(connectionId, at);

    // A trace taken for the live feed is not the caller's to see: it gets what it asked for.
    private static ConnectResult Asked(ConnectResult result, ConnectRequest request) =>
        request.Explain || result.Trace is null ? result : result with { Trace = null };

    private Task Log(DateTimeOffset at, GatewayAddress gateway, string? server, string presented, ConnectRequest request, ClientSource sent, Verdict verdict,
        IReadOnlyList<TraceEntry>? trace)
    {
        var decision = Decision(at, gateway, server, presented, request, sent, verdict);
        _feed?.Publish(at, gateway, server, presented, request.User, verdict, trace);
        // Acknowledged: this connection's own decision goes straight to the sink, which group-commits
        // it with the other connections in flight. A shared outbox could not tell each interleaved
        // connection when its decision, rather than someone else's, is stored.
        if (options.AuditDurability == AuditDurability.Acknowledged)
            return SinkOf(gateway).Commit(new AuditBatch([], [decision], []));
        _outbox.Add(decision);
        return _outbox.Deliver();
    }

    // What a log entry's verdict is before the server completes it (acknowledged durability).
    private static readonly Verdict Undecided = new(ConnectionReason.Allowed, 0, "");

    // Everything but the password, so that `whatif` can replay the attempt against another fleet.
    private static GatewayLogRecord Decision(DateTimeOffset at, GatewayAddress gateway, string? server, string presented, ConnectRequest request, ClientSource sent, Verdict verdict) =>
        new(at, gateway.Text, server, presented, request.User, verdict.Reason, verdict.Code, verdict.Rule, gateway.Region,
            Host: request.Host, SentSource: SentSources.Format(sent), Tls: request.Tls,
            Database: request.Database, App: request.App, Authenticated: verdict.Authenticated);

    // Asked per outbox delivery, and under acknowledged durability per decision made here alone
    // (those of connections that reach a server are committed by the server): not per connection.
    private IAuditSinkGrain SinkOf(GatewayAddress gateway) => sinks[AuditSinkKeys.For(gateway.Region, gateway.Text)];
}
