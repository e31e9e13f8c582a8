using FleetSim.Policy.Network;
using FleetSim.Policy.Threats;

namespace FleetSim.Policy.Tests.Threats;

/// <summary>What the fleet's internet and threat intelligence sections say about an address.</summary>
public sealed class AddressBookTests
{
    [Fact]
    public void An_address_in_a_described_range_has_its_location_domain_cloud_provider_and_azure_region()
    {
        var info = Logins.Internet.Lookup(Logins.Ip(Logins.AzureVmIp));

        Assert.Equal(("Amsterdam, NL", "azure.com", "Azure", "westeurope", false),
            (info.Location, info.Domain, info.CloudProvider, info.AzureRegion, info.Flagged));
    }

    [Fact]
    public void An_address_no_range_describes_is_unknown()
    {
        Assert.Equal(AddressInfo.Unknown, Logins.Internet.Lookup(Logins.Ip("8.8.8.8")));
        Assert.Equal(AddressInfo.Unknown, Logins.Internet.Lookup("privateEndpoint:pe-app"));
    }

    [Fact]
    public void An_address_in_a_threat_intelligence_range_is_flagged_with_its_description()
    {
        var info = Logins.Internet.Lookup(Logins.BotnetIp);

        Assert.True(info.Flagged);
        Assert.Equal("botnet command and control", info.Flag!.Description);
    }

    [Fact]
    public void Where_ranges_overlap_the_narrowest_describes_the_address()
    {
        var book = new AddressBook(
            [
                new InternetPlace(Ipv4RangeOf("10.0.0.0/8"), "Everywhere", "big.example", null, null),
                new InternetPlace(Ipv4RangeOf("10.1.2.0/24"), "Dublin, IE", "small.example", null, null),
            ], []);

        Assert.Equal("small.example", book.Lookup(Logins.Ip("10.1.2.3")).Domain);
        Assert.Equal("big.example", book.Lookup(Logins.Ip("10.1.3.3")).Domain);
    }

    [Theory]
    [InlineData("198.51.100.0/24", "198.51.100.0", "198.51.100.255")]
    [InlineData("198.51.100.7-198.51.100.9", "198.51.100.7", "198.51.100.9")]
    [InlineData("198.51.100.7", "198.51.100.7", "198.51.100.7")]
    public void Ranges_are_written_as_a_prefix_a_start_end_pair_or_one_address(string text, string start, string end)
    {
        Assert.Equal(new Ipv4Range(Logins.Ip(start), Logins.Ip(end)), Ipv4RangeOf(text));
    }

    private static Ipv4Range Ipv4RangeOf(string text) => Ipv4RangeText.Parse(text);
}
