using System.Text.Json;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

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
        // Compared as the documents would be written: a list compares by reference, a document by content.
        if (Json(current with { Servers = [] }) != Json(proposed with { Servers = [] }))
            return;
        var proposedServers = proposed.Servers.ToDictionary(s => s.Name!, Json, ResourceNames.Comparer);
        foreach (var server in current.Servers)
        {
            if (proposedServers.TryGetValue(server.Name!, out var json) && json == Json(server))
                _unchanged.Add(server.Name!);
        }
    }

    /// <summary>Servers that decide every attempt the same way under both fleets.</summary>
    public int UnchangedServers => _unchanged.Count;

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

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, FleetSpecReader.Options);
}
