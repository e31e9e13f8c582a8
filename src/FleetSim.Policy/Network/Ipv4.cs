using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

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
        ip = default;
        if (string.IsNullOrEmpty(text) || text.Length > 15 || text.Count(c => c == '.') != 3)
            return false;
        foreach (var part in text.Split('.'))
        {
            if (part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || (part.Length > 1 && part[0] == '0'))
                return false;
        }
        if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            return false;
        ip = new Ipv4(BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()));
        return true;
    }

    public int CompareTo(Ipv4 other) => Value.CompareTo(other.Value);

    public static bool operator <(Ipv4 left, Ipv4 right) => left.Value < right.Value;
    public static bool operator >(Ipv4 left, Ipv4 right) => left.Value > right.Value;
    public static bool operator <=(Ipv4 left, Ipv4 right) => left.Value <= right.Value;
    public static bool operator >=(Ipv4 left, Ipv4 right) => left.Value >= right.Value;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Value >> 24}.{(Value >> 16) & 0xFF}.{(Value >> 8) & 0xFF}.{Value & 0xFF}");
}
