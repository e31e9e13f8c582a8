using CsCheck;
using FleetSim.Policy.Network;

namespace FleetSim.Policy.Tests.Network;

/// <summary>Subnet address prefixes are CIDR blocks; firewall rules are inclusive ranges.</summary>
public sealed class Ipv4RangeTests
{
    [Theory]
    [InlineData("10.1.0.0/16", "10.1.0.0", "10.1.255.255")]
    [InlineData("10.0.1.0/24", "10.0.1.0", "10.0.1.255")]
    [InlineData("192.168.4.7/32", "192.168.4.7", "192.168.4.7")]
    [InlineData("0.0.0.0/0", "0.0.0.0", "255.255.255.255")]
    [InlineData("128.0.0.0/1", "128.0.0.0", "255.255.255.255")]
    public void A_CIDR_prefix_covers_its_network_to_its_broadcast_address(string cidr, string start, string end) =>
        Assert.Equal(new Ipv4Range(Ipv4.Parse(start), Ipv4.Parse(end)), Ipv4Range.ParseCidr(cidr));

    [Theory]
    [InlineData("10.1.0.1/16")]
    [InlineData("10.0.1.128/24")]
    [InlineData("0.0.0.1/0")]
    public void A_CIDR_prefix_with_host_bits_set_is_rejected(string cidr) =>
        Assert.False(Ipv4Range.TryParseCidr(cidr, out _));

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/ 8")]
    [InlineData("10.0.0.0/8/8")]
    [InlineData("10.0.0.0")]
    [InlineData("/8")]
    [InlineData("")]
    [InlineData("10.0.0/8")]
    [InlineData("2001:db8::/32")]
    public void A_malformed_or_out_of_range_prefix_is_rejected(string cidr) =>
        Assert.False(Ipv4Range.TryParseCidr(cidr, out _));

    [Fact]
    public void Null_is_not_a_CIDR_prefix() => Assert.False(Ipv4Range.TryParseCidr(null, out _));

    [Fact]
    public void ParseCidr_names_the_bad_text_in_its_error()
    {
        var error = Assert.Throws<FormatException>(() => Ipv4Range.ParseCidr("10.1.0.1/16"));
        Assert.Contains("'10.1.0.1/16'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_network_address_and_prefix_length_parses_to_a_block_of_2_to_the_host_bits() =>
        Gen.Select(Gen.UInt, Gen.Int[0, 32]).Sample((address, prefix) =>
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            var network = new Ipv4(address & mask);
            var range = Ipv4Range.ParseCidr($"{network}/{prefix}");
            Assert.Equal(network, range.Start);
            Assert.Equal(1L << (32 - prefix), range.Size);
            Assert.True(range.Contains(new Ipv4(address)));
        }, iter: 10_000);

    [Fact]
    public void Contains_is_inclusive_at_both_ends() =>
        Gen.Select(Gen.UInt[1, uint.MaxValue - 1], Gen.UInt[1, uint.MaxValue - 1]).Sample((a, b) =>
        {
            var range = new Ipv4Range(new Ipv4(Math.Min(a, b)), new Ipv4(Math.Max(a, b)));
            Assert.True(range.Contains(range.Start));
            Assert.True(range.Contains(range.End));
            Assert.False(range.Contains(new Ipv4(range.Start.Value - 1)));
            Assert.False(range.Contains(new Ipv4(range.End.Value + 1)));
        });

    [Fact]
    public void The_whole_address_space_holds_2_to_the_32_addresses() =>
        Assert.Equal(1L << 32, new Ipv4Range(new Ipv4(0), new Ipv4(uint.MaxValue)).Size);

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.0", "10.0.0.255", "10.0.0.0-10.0.0.255")]
    [InlineData("0.0.0.0", "0.0.0.0", "0.0.0.0")]
    public void A_range_prints_as_start_dash_end_or_as_its_single_address(string start, string end, string text) =>
        Assert.Equal(text, new Ipv4Range(Ipv4.Parse(start), Ipv4.Parse(end)).ToString());
}
