using System.Diagnostics.CodeAnalysis;

namespace FleetSim.Policy.Network;

/// <summary>
/// The ways a fleet document writes a block of addresses outside firewall rules: a CIDR prefix
/// (198.51.100.0/24), an inclusive start-end range (198.51.100.1-198.51.100.9) or one address.
/// </summary>
public static class Ipv4RangeText
{
    public const string Format = "an IPv4 CIDR prefix (198.51.100.0/24), a start-end range (198.51.100.1-198.51.100.9) or one IPv4 address";

    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4Range range)
    {
        range = default;
        if (text is null)
            return false;
        if (text.Contains('/', StringComparison.Ordinal))
            return Ipv4Range.TryParseCidr(text, out range);
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            if (!Ipv4.TryParse(text, out var single))
                return false;
            range = new Ipv4Range(single, single);
            return true;
        }
        if (!Ipv4.TryParse(text[..dash], out var start) || !Ipv4.TryParse(text[(dash + 1)..], out var end) || start > end)
            return false;
        range = new Ipv4Range(start, end);
        return true;
    }

    public static Ipv4Range Parse(string? text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not {Format}");
}
