using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Insights;

/// <summary>
/// Firewall rules every address of which other rules of the server admit too: removing one such
/// rule, on its own, changes no allow or deny decision (Azure traffic included, since it is
/// judged by the same addresses and 0.0.0.0).
/// </summary>
public static class RedundantRules
{
    public static IEnumerable<Finding> Of(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var rules = server.FirewallRules
            .Select(r => (Name: r.Name!, Range: new Ipv4Range(Ipv4.Parse(r.StartIpAddress!), Ipv4.Parse(r.EndIpAddress!))))
            .ToList();
        var redundant = rules.Where(rule => Covered(rule.Range, rules.Where(other => other.Name != rule.Name).Select(o => o.Range)))
            .Select(r => r.Name)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (name, range) in rules.Where(r => redundant.Contains(r.Name)))
        {
            var coverers = rules.Where(o => o.Name != name && o.Range.Start <= range.End && range.Start <= o.Range.End).Select(o => o.Name).ToList();
            var alsoRedundant = coverers.Where(redundant.Contains).ToList();
            var why = $"every address of {range} is admitted by {string.Join(", ", coverers.Select(c => $"'{c}'"))}: removing it alone changes no decision";
            var advice = alsoRedundant.Count == 0
                ? "remove it"
                : $"remove it or {string.Join(" or ", alsoRedundant.Select(c => $"'{c}'"))}, one at a time: they cover each other, and removing both would deny addresses";
            yield return new Finding(server.Name!, FindingKinds.Redundant, name, why, advice);
        }
    }

    /// <summary>True when the union of <paramref name="others"/> contains every address of <paramref name="range"/>.</summary>
    public static bool Covered(Ipv4Range range, IEnumerable<Ipv4Range> others)
    {
        long next = range.Start.Value;
        foreach (var other in others.Where(o => o.End >= range.Start && o.Start <= range.End).OrderBy(o => o.Start.Value))
        {
            if (other.Start.Value > next)
                return false;
            next = Math.Max(next, (long)other.End.Value + 1);
            if (next > range.End.Value)
                return true;
        }
        return next > range.End.Value;
    }
}
