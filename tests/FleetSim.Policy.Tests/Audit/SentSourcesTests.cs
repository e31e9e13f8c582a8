using CsCheck;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;

namespace FleetSim.Policy.Tests.Audit;

/// <summary>The gateway log keeps each source as the client sent it, so that a replay reads back exactly that source.</summary>
public sealed class SentSourcesTests
{
    private static readonly Gen<Ipv4> Address = Gen.UInt.Select(v => new Ipv4(v));

    // Names with quotes, backslashes and non-ASCII letters: the log's text must survive them.
    private static readonly Gen<string> Name = Gen.String[Gen.Char["ab/\"\\é-_ 1"], 1, 40];

    private static readonly Gen<ClientSource> Source = Gen.OneOf<ClientSource>(
        Address.Select(ip => (ClientSource)new ClientSource.Internet(ip)),
        Address.Select(ip => (ClientSource)new ClientSource.Azure(ip)),
        Gen.Select(Name, Address).Select((subnet, ip) => (ClientSource)new ClientSource.Subnet(subnet, ip)),
        Gen.Select(Name, Address, Gen.Bool).Select((name, ip, known) => (ClientSource)new ClientSource.PrivateEndpoint(name, known ? ip : null)));

    [Fact]
    public void Every_source_reads_back_as_it_was_sent() =>
        Source.Sample(source => Assert.Equal(source, SentSources.Parse(SentSources.Format(source))));

    [Fact]
    public void The_text_is_the_attempts_file_form() =>
        Assert.Equal("""{"ip":"20.42.7.19","azure":true}""", SentSources.Format(new ClientSource.Azure(Ipv4.Parse("20.42.7.19"))));

    [Theory]
    [InlineData("{\"ip\":\"300.1.1.1\"}", "'300.1.1.1' is not an IPv4 address")]
    [InlineData("{\"subnet\":\"s\"}", "an ip is required unless the source is a privateEndpoint")]
    [InlineData("{\"port\":1}", "unknown field 'port'")]
    [InlineData("not json", "is not a source object")]
    public void A_damaged_entry_is_refused_naming_what_is_wrong(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<FormatException>(() => SentSources.Parse(text)).Message, StringComparison.Ordinal);
}
