using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.WhatIf;

/// <summary>
/// Each attempt decided under a current and a proposed fleet. A proposal usually touches a few
/// servers of many: when everything but the servers is the same in both (regions, gateways,
/// networks, key vaults) and the server an attempt reached is the same, the proposal decides it
/// exactly as the current fleet did, so it is decided once. Thread-safe.
/// </summary>
public sealed class FleetComparison
{
    private readonly FleetDecisions _current;
    private readonly FleetDecisions _proposed;
    private readonly HashSet<string> _unchanged;

    public FleetComparison(FleetSpec current, FleetSpec proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        (_current, _proposed) = (new FleetDecisions(current), new FleetDecisions(proposed));
        _unchanged = new HashSet<string>(ResourceNames.Comparer);
        if (FleetDiff.SettingsDiffer(current, proposed))
            return;
        var proposedServers = proposed.Servers.ToDictionary(s => s.Name!, ResourceNames.Comparer);
        foreach (var server in current.Servers)
        {
            if (proposedServers.TryGetValue(server.Name!, out var same) && !FleetDiff.Differs(server, same))
                _unchanged.Add(server.Name!);
        }
    }

    public (Decision Before, Decision After) Decide(ConnectionAttempt attempt) => Compare(fleet => fleet.Decide(attempt));

    /// <summary>An attempt replayed from a log: authentication as recorded (see <see cref="FleetDecisions.Replay"/>).</summary>
    public (Decision Before, Decision After) Replay(ConnectionAttempt attempt, bool? authenticated) => Compare(fleet => fleet.Replay(attempt, authenticated));

    private (Decision Before, Decision After) Compare(Func<FleetDecisions, Decision> decide)
    {
        var before = decide(_current);
        // Routed to a server (Source is set once routed) that is the same in both fleets.
        if (before.Server is { } server && before.Source is not null && _unchanged.Contains(server))
            return (before, before);
        return (before, decide(_proposed));
    }
}
