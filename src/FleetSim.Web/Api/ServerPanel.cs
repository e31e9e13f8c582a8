using FleetSim.AuditStore;
using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Policy;

namespace FleetSim.Web.Api;

/// <summary>
/// GET /api/servers/{name}: what a server's page in the portal would show: its network rules with
/// how often each admitted a connection (from the gateway log), private endpoint connections,
/// parameters, logins (never their passwords), the audit log's tail and its alerts.
/// </summary>
internal sealed class ServerPanel(IFleetHost host)
{
    private const int Tail = 20;

    public async Task<ServerPanelView?> Of(string name)
    {
        var fleet = await host.Directory.GetFleet();
        var spec = fleet.Servers.FirstOrDefault(s => ResourceNames.Same(s.Name, name));
        if (spec is null)
            return null;
        var status = await host.Grains.GetGrain<IServerGrain>(spec.Name!).GetStatus();
        var (hits, audit, alerts) = await Logged(spec.Name!);
        return new ServerPanelView(
            ServerView.From(spec, status),
            [.. spec.FirewallRules.Select(r => new RuleView(r.Name ?? "", $"{r.StartIpAddress} - {r.EndIpAddress}", hits.GetValueOrDefault(r.Name ?? "")))],
            [.. spec.VirtualNetworkRules.Select(r => new RuleView(r.Name ?? "", r.VirtualNetworkSubnetId ?? "", hits.GetValueOrDefault(r.Name ?? "")))],
            [.. spec.PrivateEndpointConnections.Select(p => new PrivateEndpointView(p.Name ?? "", p.Status ?? "Pending"))],
            spec.Configurations,
            [spec.AdministratorLogin ?? "", .. spec.Users.Select(u => u.Name ?? "")],
            audit,
            alerts,
            status.PendingRulesApplyAt);
    }

    /// <summary>What the audit store holds for the server; empty when this process cannot read the store.</summary>
    private async Task<(Dictionary<string, int> Hits, IReadOnlyList<AuditLine> Audit, IReadOnlyList<AlertLine> Alerts)> Logged(string server)
    {
        if (host.AuditStore is null || !AuditStores.Exists(host.AuditStore))
            return ([], [], []);
        await using var store = AuditStores.Open(host.AuditStore, forQueries: true);
        var query = new AuditQuery { Server = server, Limit = 100_000 };
        var decisions = await store.QueryGatewayAsync(query);
        var hits = decisions.Where(d => d.Code == 0 && d.Rule is not null)
            .GroupBy(d => d.Rule!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        // Statement texts are left out: an account change may carry a password.
        var audit = (await store.QueryAsync(query)).OrderBy(r => r.EventTime).TakeLast(Tail)
            .Select(r => new AuditLine(r.EventTime, r.EventClass.ToString(), r.EventSubclass.ToString(), r.User, r.Ip, r.ErrorCode)).ToList();
        var alerts = (await store.AlertsAsync(query)).OrderBy(a => a.At).TakeLast(Tail)
            .Select(a => new AlertLine(a.At, a.AlertType, a.Severity.ToString(), a.Ip, a.User, a.Description)).ToList();
        return (hits, audit, alerts);
    }
}

public sealed record ServerPanelView(ServerView Server, IReadOnlyList<RuleView> FirewallRules, IReadOnlyList<RuleView> VirtualNetworkRules,
    IReadOnlyList<PrivateEndpointView> PrivateEndpointConnections, IReadOnlyDictionary<string, string> Configurations,
    IReadOnlyList<string> Logins, IReadOnlyList<AuditLine> AuditTail, IReadOnlyList<AlertLine> Alerts, DateTimeOffset? PendingRulesApplyAt);

/// <param name="Hits">Connections it admitted, as the gateway log records them.</param>
public sealed record RuleView(string Name, string Range, int Hits);

public sealed record PrivateEndpointView(string Name, string Status);

public sealed record AuditLine(DateTimeOffset At, string EventClass, string EventSubclass, string User, string Ip, int ErrorCode);

public sealed record AlertLine(DateTimeOffset At, string Alert, string Severity, string Ip, string User, string Description);
