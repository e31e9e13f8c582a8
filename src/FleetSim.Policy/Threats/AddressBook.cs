using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>
/// The fleet's knowledge of internet addresses, from its internet and threatIntelligence sections,
/// compiled for O(log n) lookups. Where ranges overlap, the narrowest describes the address.
/// </summary>
public sealed class AddressBook(IEnumerable<InternetPlace> places, IEnumerable<FlaggedRange> flagged)
{
    public static readonly AddressBook Empty = new([], []);

    private readonly Ipv4RangeMap<InternetPlace> _places = new(places.Select(p => (p.Range, p)));
    private readonly Ipv4RangeMap<FlaggedRange> _flagged = new(flagged.Select(f => (f.Range, f)));

    /// <summary>Built from a validated fleet document.</summary>
    public static AddressBook FromSpec(FleetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new AddressBook(
            spec.Internet.Select(r => new InternetPlace(Ipv4RangeText.Parse(r.Range), r.Location, r.Domain, r.CloudProvider, r.AzureRegion)),
            spec.ThreatIntelligence.Select(t => new FlaggedRange(Ipv4RangeText.Parse(t.Range), t.Description)));
    }

    public AddressInfo Lookup(Ipv4 ip) => new(_places.Find(ip), _flagged.Find(ip));

    /// <summary>A client address as MariaDB reports it; anything but IPv4 (a private endpoint) is unknown.</summary>
    public AddressInfo Lookup(string clientAddress) =>
        Ipv4.TryParse(clientAddress, out var ip) ? Lookup(ip) : AddressInfo.Unknown;
}
