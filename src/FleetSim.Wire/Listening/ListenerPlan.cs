using System.Net;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;

namespace FleetSim.Wire.Listening;

/// <summary>
/// Which listeners a fleet gets, and what each stands for: its gateway's region and state. A
/// listener for a Decommissioned gateway is planned but not opened: a client dialling a retired
/// address gets its own "can't connect" error, as from the real one.
/// </summary>
public sealed record ListenerPlan(WireEndpoint Endpoint, string? Region, string State)
{
    /// <summary>The internet address default listeners present: TEST-NET-3, reserved for documentation (RFC 5737).</summary>
    public const string DefaultSourceIp = "203.0.113.9";

    public bool Opens => State != nameof(GatewayState.Decommissioned);

    /// <summary>One listener per gateway of the fleet, in its order, from <paramref name="firstPort"/> upwards (0: free ports).</summary>
    public static IReadOnlyList<ListenerPlan> ForGateways(FleetSpec fleet, int firstPort)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var plans = new List<ListenerPlan>();
        var port = firstPort;
        foreach (var region in fleet.Regions)
        {
            foreach (var gateway in region.Gateways)
            {
                var state = gateway.State ?? nameof(GatewayState.Current);
                var opens = state != nameof(GatewayState.Decommissioned);
                var endpoint = new IPEndPoint(IPAddress.Loopback, opens ? port : 0);
                if (opens && firstPort != 0)
                    port++;
                plans.Add(new ListenerPlan(new WireEndpoint(endpoint, gateway.Ip!, new SourceAddress(DefaultSourceIp)), region.Name, state));
            }
        }
        return plans;
    }

    /// <summary>Listeners from a file, with what the fleet says of their gateways.</summary>
    public static IReadOnlyList<ListenerPlan> For(FleetSpec fleet, IEnumerable<WireEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var gateways = fleet.Regions
            .SelectMany(r => r.Gateways.Select(g => (r.Name, g.Ip, State: g.State ?? nameof(GatewayState.Current))))
            .ToDictionary(g => g.Ip ?? "", StringComparer.Ordinal);
        return [.. endpoints.Select(e => gateways.TryGetValue(e.Gateway, out var g)
            ? new ListenerPlan(e, g.Name, g.State)
            // Not a gateway of the fleet: opened, and its clients hear what the real network says.
            : new ListenerPlan(e, null, "unknown"))];
    }
}
