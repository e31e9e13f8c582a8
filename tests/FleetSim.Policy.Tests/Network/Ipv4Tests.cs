using CsCheck;
using FleetSim.Policy.Network;

namespace FleetSim.Policy.Tests.Network;

/// <summary>Firewall rules take IPv4 addresses in dotted-quad form only.</summary>
public sealed class Ipv4Tests
{
    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("10.1.2.3", 0x0A01_0203u)]
    [InlineData("192.168.0.1", 0xC0A8_0001u)]
    [InlineData("255.255.255.255", uint.MaxValue)]
    public void A_dotted_quad_parses_to_its_32_bit_value(string text, uint value)
    {
        Assert.True(Ipv4.TryParse(text, out var ip));
        Assert.Equal(value, ip.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1..2.3")]
    [InlineData("1.2.3.")]
    [InlineData(".1.2.3")]
    [InlineData(" 1.2.3.4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("+1.2.3.4")]
    [InlineData("0x0A.0.0.1")]
    [InlineData("1.2.3.4/32")]
    [InlineData("a.b.c.d")]
    public void Anything_but_four_dot_separated_decimal_octets_is_rejected(string text) =>
        Assert.False(Ipv4.TryParse(text, out _));

    [Fact]
    public void Null_is_rejected() => Assert.False(Ipv4.TryParse(null, out _));

    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("256.0.0.0")]
    [InlineData("1.2.3.999")]
    [InlineData("1.2.3.1000")]
    public void An_octet_above_255_is_rejected(string text) => Assert.False(Ipv4.TryParse(text, out _));

    [Theory]
    [InlineData("::1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("fe80::1%1")]
    public void IPv6_is_rejected_because_the_firewall_is_IPv4_only(string text) =>
        Assert.False(Ipv4.TryParse(text, out _));

    // IPAddress.Parse reads "010" as octal (8), others read it as decimal (10): a rule written that
    // way would silently cover an address its author did not mean, so the form is refused.
    [Theory]
    [InlineData("010.0.0.1")]
    [InlineData("01.2.3.4")]
    [InlineData("1.2.3.04")]
    [InlineData("10.00.0.1")]
    public void An_octet_with_a_leading_zero_is_rejected_rather_than_read_as_octal(string text) =>
        Assert.False(Ipv4.TryParse(text, out _));

    [Fact]
    public void Non_ASCII_digits_are_rejected() => Assert.False(Ipv4.TryParse("١.٢.٣.٤", out _));

    [Fact]
    public void Parse_names_the_bad_text_in_its_error()
    {
        var error = Assert.Throws<FormatException>(() => Ipv4.Parse("10.0.0.300"));
        Assert.Contains("'10.0.0.300'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_address_prints_as_a_dotted_quad_that_parses_back_to_itself() =>
        Gen.UInt.Sample(value =>
        {
            var text = new Ipv4(value).ToString();
            Assert.True(Ipv4.TryParse(text, out var parsed), $"'{text}' did not parse");
            Assert.Equal(value, parsed.Value);
        }, iter: 10_000);

    // The parser reads octets by hand; the platform's parser is the oracle for every string of
    // digits and dots that has the dotted-quad shape and no octet with a leading zero.
    [Fact]
    public void A_string_of_digits_and_dots_parses_exactly_when_the_platform_reads_it_as_that_IPv4_address() =>
        Gen.Char["0123456789."].Array[1, 15].Select(chars => new string(chars)).Sample(text =>
        {
            var octets = text.Split('.');
            var shaped = octets.Length == 4 && octets.All(o => o.Length is >= 1 and <= 3 && (o.Length == 1 || o[0] != '0'));
            var expected = shaped && System.Net.IPAddress.TryParse(text, out var address)
                && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
            Assert.Equal(expected, Ipv4.TryParse(text, out var ip));
            if (expected)
                Assert.Equal(text, ip.ToString());
        }, iter: 50_000);

    [Fact]
    public void Addresses_order_as_their_numbers_do() =>
        Gen.Select(Gen.UInt, Gen.UInt).Sample((a, b) =>
        {
            Assert.Equal(a.CompareTo(b), new Ipv4(a).CompareTo(new Ipv4(b)));
            Assert.Equal(a < b, new Ipv4(a) < new Ipv4(b));
            Assert.Equal(a <= b, new Ipv4(a) <= new Ipv4(b));
        });
}
