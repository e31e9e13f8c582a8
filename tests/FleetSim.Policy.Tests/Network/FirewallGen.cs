using System.Globalization;
using CsCheck;
using FleetSim.Policy.Network;

namespace FleetSim.Policy.Tests.Network;

/// <summary>
/// Generators for firewall rule sets and the addresses to probe them with. Uniform ranges over 2^32
/// addresses almost never overlap or touch, so rules are built from a few shared anchor points
/// (and their neighbours), and probes sit on rule boundaries and one address either side.
/// </summary>
internal static class FirewallGen
{
    private const uint Top = uint.MaxValue;

    /// <summary>The edges of the address space: 0.0.0.0 is also how Azure traffic is presented.</summary>
    private static readonly uint[] Edges = [0, 1, 2, Top - 1, Top];

    // A handful of points per rule set: a dense cluster makes nested and overlapping ranges likely,
    // the edges make ranges that start at 0.0.0.0 or end at 255.255.255.255.
    private static readonly Gen<uint[]> Anchors = Gen.Frequency(
            (3, Gen.UInt[0x0A00_0000, 0x0A00_0040]),
            (2, Gen.OneOf(Edges)),
            (1, Gen.UInt[Top - 64, Top]),
            (2, Gen.UInt))
        .Array[1, 12];

    public static readonly Gen<FirewallRule[]> RuleSets = Anchors.SelectMany(anchors =>
        Gen.Select(Range(anchors), Gen.Int[0, 999]).Array[0, 128].Select(Name));

    public static readonly Gen<(FirewallRule[] Rules, Ipv4[] Probes)> RuleSetsWithProbes =
        RuleSets.SelectMany(rules => Probes(rules).Select(probes => (rules, probes)));

    private static Gen<uint> Point(uint[] anchors) =>
        Gen.Select(Gen.OneOf(anchors), Gen.Int[-1, 1], (anchor, step) => unchecked((uint)(anchor + step)));

    private static Gen<Ipv4Range> Range(uint[] anchors)
    {
        var point = Point(anchors);
        return Gen.Frequency(
            (6, Gen.Select(point, point, (a, b) => Make(Math.Min(a, b), Math.Max(a, b)))),
            (2, point.Select(a => Make(a, a))),
            (1, Gen.Const(Make(0, 0))),
            (1, Gen.Const(Make(0, Top))),
            (1, point.Select(a => Make(a, Top))),
            (1, point.Select(a => Make(0, a))),
            (1, Gen.Select(point, Gen.Int[0, 32], Cidr)),
            (1, Gen.Select(Gen.UInt, Gen.UInt, (a, b) => Make(Math.Min(a, b), Math.Max(a, b)))));
    }

    private static Ipv4Range Cidr(uint address, int prefix)
    {
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return Make(address & mask, address | ~mask);
    }

    private static Ipv4Range Make(uint start, uint end) => new(new Ipv4(start), new Ipv4(end));

    // Names are unique, as on a real server, but their order is unrelated to the order of the list,
    // so the tie-break by name is exercised rather than the list order.
    private static FirewallRule[] Name((Ipv4Range Range, int Tag)[] items) =>
        [.. items.Select((item, i) => new FirewallRule(string.Create(CultureInfo.InvariantCulture, $"r{item.Tag:D3}-{i}"), item.Range))];

    /// <summary>Addresses on every rule boundary, one either side, the edges, and a few at random.</summary>
    public static Gen<Ipv4[]> Probes(FirewallRule[] rules)
    {
        uint[] boundaries = [.. rules.SelectMany(r => new[] { r.Range.Start.Value, r.Range.End.Value }), .. Edges];
        var nearBoundary = Gen.Select(Gen.OneOf(boundaries), Gen.Int[-1, 1], (b, step) => unchecked((uint)(b + step)));
        return Gen.Frequency((4, nearBoundary), (1, Gen.UInt)).Select(v => new Ipv4(v)).Array[1, 64];
    }
}
