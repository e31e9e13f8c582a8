using System.Globalization;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Policy.Insights;

/// <summary>
/// What traffic says about a fleet's rules, from the fleet's own decisions on it: rules nothing
/// used, rules far wider than the addresses they admitted (with narrower ranges to use instead),
/// and sources denied again and again (a missing rule, or an attack).
/// </summary>
public sealed class TrafficInsights(FleetSpec fleet, int maxRanges = TrafficInsights.DefaultMaxRanges, int minDenials = TrafficInsights.DefaultMinDenials)
{
    public const int DefaultMaxRanges = 4;
    public const int DefaultMinDenials = 10;

    /// <summary>A rule is called overly permissive when what it admitted fits in this share of it, or less.</summary>
    public const double PermissiveShare = 0.5;

    private readonly Dictionary<(string Server, string Rule), List<Ipv4>> _hits = new(new ServerRuleComparer());
    private readonly Dictionary<(string Server, string Source), Dictionary<ConnectionReason, int>> _denials = new(new ServerRuleComparer());

    /// <summary>Counts one decision of the fleet on one attempt of the traffic.</summary>
    public void Add(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Server is not { } server)
            return;
        // A rule is used when it lets a client past the network checks, whatever a later check decides.
        if (decision.PassedBy is { } rule && decision.Source is { } seen)
        {
            var key = (server, rule);
            if (!_hits.TryGetValue(key, out var addresses))
                _hits[key] = addresses = [];
            addresses.Add(seen.Address);
        }
        // Whoever keeps being refused is missing a rule (the firewall) or a password, or is probing;
        // a stopped or full server refuses everyone, which says nothing about the source.
        if (!decision.Verdict.Allowed && decision.Source is { } denied
            && decision.Verdict.Reason is not (ConnectionReason.ServerStopped or ConnectionReason.ServerInaccessible or ConnectionReason.TooManyConnections))
        {
            var key = (server, denied.ClientAddress);
            if (!_denials.TryGetValue(key, out var reasons))
                _denials[key] = reasons = [];
            reasons[decision.Verdict.Reason] = reasons.GetValueOrDefault(decision.Verdict.Reason) + 1;
        }
    }

    /// <param name="alerts">Alerts raised for a (server, client address), to name beside a source denied often.</param>
    public IEnumerable<Finding> Findings(IReadOnlyDictionary<(string Server, string Ip), IReadOnlyList<string>>? alerts = null)
    {
        foreach (var server in fleet.Servers)
        {
            var name = server.Name!;
            foreach (var rule in server.FirewallRules)
            {
                var range = new Ipv4Range(Ipv4.Parse(rule.StartIpAddress!), Ipv4.Parse(rule.EndIpAddress!));
                if (!_hits.TryGetValue((name, rule.Name!), out var seen))
                {
                    yield return Unused(name, rule.Name!, $"firewall rule {range}");
                    continue;
                }
                if (Permissive(name, rule.Name!, range, seen) is { } finding)
                    yield return finding;
            }
            foreach (var rule in server.VirtualNetworkRules.Where(r => !_hits.ContainsKey((name, r.Name!))))
                yield return Unused(name, rule.Name!, "virtual network rule");
        }
        var often = _denials.Select(d => (d.Key.Server, d.Key.Source, Reasons: d.Value, Count: d.Value.Values.Sum()))
            .Where(d => d.Count >= minDenials)
            .OrderByDescending(d => d.Count).ThenBy(d => d.Server, StringComparer.Ordinal).ThenBy(d => d.Source, StringComparer.Ordinal);
        foreach (var (server, source, reasons, count) in often)
        {
            var raised = alerts is not null && alerts.TryGetValue((server, source), out var kinds) && kinds.Count > 0
                ? $"; alerts raised for it: {string.Join(", ", kinds)}"
                : "";
            var why = string.Join(", ", reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value:N0}")));
            yield return new Finding(server, FindingKinds.DeniedOften, null,
                string.Create(CultureInfo.InvariantCulture, $"{source} was refused {count:N0} times ({why}){raised}"),
                raised.Length > 0
                    ? "treat it as an attack: keep it out, and check the alerts"
                    : "a client missing a rule, or someone probing: add a rule for it if it is yours, otherwise watch it");
        }
    }

    private static Finding Unused(string server, string rule, string what) =>
        new(server, FindingKinds.Unused, rule, $"the {what} let no client of the traffic past the network checks", "remove it if the traffic covers every client it is for");

    private Finding? Permissive(string server, string rule, Ipv4Range range, List<Ipv4> seen)
    {
        // 0.0.0.0 "Azure services" is one address standing for all of Azure: nothing to narrow.
        if (range.Start.Value == 0 && range.End.Value == 0)
            return null;
        var inside = seen.Where(range.Contains).ToList();
        if (inside.Count == 0)
            return null;
        var narrower = CoveringRanges.Of(inside, maxRanges);
        var kept = narrower.Sum(r => r.Size);
        if (kept > range.Size * PermissiveShare)
            return null;
        var distinct = inside.Distinct().Count();
        return new Finding(server, FindingKinds.OverlyPermissive, rule,
            string.Create(CultureInfo.InvariantCulture, $"it admits {range.Size:N0} addresses ({range}), but the traffic came from {distinct:N0} of them"),
            string.Create(CultureInfo.InvariantCulture, $"replace it with {string.Join(", ", narrower)}: every observed client stays admitted and {range.Size - kept:N0} addresses stop being admitted"))
        {
            Suggested = narrower,
        };
    }

    private sealed class ServerRuleComparer : IEqualityComparer<(string, string)>
    {
        public bool Equals((string, string) x, (string, string) y) =>
            ResourceNames.Comparer.Equals(x.Item1, y.Item1) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((string, string) obj) => HashCode.Combine(ResourceNames.Comparer.GetHashCode(obj.Item1), obj.Item2);
    }
}
