using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetSim.Policy.Network;

/// <summary>An inclusive range of IPv4 addresses, as firewall rules and subnets describe them.</summary>
public readonly record struct Ipv4Range(Ipv4 Start, Ipv4 End)
{
    public bool Contains(Ipv4 ip) => ip >= Start && ip <= End;

    /// <summary>Number of addresses in the range; a long because 0.0.0.0-255.255.255.255 holds 2^32.</summary>
    public long Size => (long)End.Value - Start.Value + 1;

    /// <summary>Parses "10.1.0.0/16". The address part must be the network address.</summary>
    public static bool TryParseCidr([NotNullWhen(true)] string? text, out Ipv4Range range)
    {
        range = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (text is null || slash < 0)
            return false;
        if (!Ipv4.TryParse(text[..slash], out var network))
            return false;
        if (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
            return false;
        var hostBits = 32 - prefix;
        var mask = hostBits == 32 ? 0u : uint.MaxValue << hostBits;
        if ((network.Value & ~mask) != 0)
            return false;
        range = new Ipv4Range(network, new Ipv4(network.Value | ~mask));
        return true;
    }

    public static Ipv4Range ParseCidr(string text) =>
        TryParseCidr(text, out var range) ? range : throw new FormatException($"'{text}' is not an IPv4 CIDR prefix such as 10.0.0.0/24");

    public override string ToString() => Start == End ? Start.ToString() : $"{Start}-{End}";
}
