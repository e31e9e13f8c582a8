using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetSim.Policy.Network;

/// <summary>An IPv4 address as a 32-bit number, so that ranges compare and search as integers.</summary>
public readonly record struct Ipv4(uint Value) : IComparable<Ipv4>
{
    /// <summary>How Azure-internal traffic is presented to the firewall [FleetSim rule].</summary>
    public static readonly Ipv4 AzureServices = new(0);

    public static Ipv4 Parse(string text) =>
        TryParse(text, out var ip) ? ip : throw new FormatException($"'{text}' is not an IPv4 address");

    /// <summary>
    /// Accepts only the dotted-quad form. IPAddress.TryParse alone would also take "10" or "1.2.3",
    /// which the real service rejects, and IPv6, which its firewall does not support. It would also
    /// read "010" as octal (8): an octet with a leading zero is ambiguous, so it is rejected.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Ipv4 ip)
    {
        // Read by hand, without allocating: a fleet of 100,000 servers holds millions of addresses.
        ip = default;
        if (string.IsNullOrEmpty(text) || text.Length > 15)
            return false;
        uint value = 0;
        var rest = text.AsSpan();
        for (var octet = 0; octet < 4; octet++)
        {
            var end = octet < 3 ? rest.IndexOf('.') : rest.Length;
            if (end < 0 || !TryParseOctet(rest[..end], out var part))
                return false;
            value = (value << 8) | part;
            rest = octet < 3 ? rest[(end + 1)..] : [];
        }
        ip = new Ipv4(value);
        return true;
    }

    private static bool TryParseOctet(ReadOnlySpan<char> digits, out uint octet)
    {
        octet = 0;
        if (digits.Length is 0 or > 3 || (digits.Length > 1 && digits[0] == '0'))
            return false;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            octet = (octet * 10) + (uint)(c - '0');
        }
        return octet <= 255;
    }

    public int CompareTo(Ipv4 other) => Value.CompareTo(other.Value);

    public static bool operator <(Ipv4 left, Ipv4 right) => left.Value < right.Value;
    public static bool operator >(Ipv4 left, Ipv4 right) => left.Value > right.Value;
    public static bool operator <=(Ipv4 left, Ipv4 right) => left.Value <= right.Value;
    public static bool operator >=(Ipv4 left, Ipv4 right) => left.Value >= right.Value;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Value >> 24}.{(Value >> 16) & 0xFF}.{(Value >> 8) & 0xFF}.{Value & 0xFF}");
}
