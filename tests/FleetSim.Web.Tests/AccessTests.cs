using System.Net;
using System.Net.Http.Headers;

namespace FleetSim.Web.Tests;

/// <summary>Loopback needs nothing; any other address needs the token, as a header or once in the address.</summary>
public sealed class AccessTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_on_every_address_gets_a_generated_token_and_answers_401_without_it()
    {
        await using var page = await WebServer.StartAsync(new WebOptions(WebAddress.Parse("http://0.0.0.0:0", "--web")!), web.Host, web.Feed, Cancel);
        Assert.NotNull(page.Token);
        using var http = new HttpClient { BaseAddress = Loopback(page) };
        foreach (var path in new[] { "/", "/app.js", "/api/fleet", "/api/decisions/stream" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(path, Cancel)).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/fleet") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(wrong, Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_token_is_accepted_as_a_bearer_header()
    {
        await using var page = await WebServer.StartAsync(new WebOptions(WebAddress.Parse("http://0.0.0.0:0", "--web")!, "given-token"), web.Host, web.Feed, Cancel);
        Assert.Equal("given-token", page.Token);
        using var http = new HttpClient { BaseAddress = Loopback(page) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "given-token");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/fleet", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_token_given_once_in_the_address_leaves_a_cookie_for_the_pages_own_requests()
    {
        await using var page = await WebServer.StartAsync(new WebOptions(WebAddress.Parse("http://0.0.0.0:0", "--web")!), web.Host, web.Feed, Cancel);
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = Loopback(page) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/?token={page.Token}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/fleet", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Loopback_needs_no_token()
    {
        Assert.Null(web.Page.Token);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync("/api/fleet", Cancel)).StatusCode);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8090")]
    [InlineData("127.0.0.1:8090")]
    [InlineData("http://example.com:8090")]
    [InlineData("http://127.0.0.1:8090/page")]
    public void An_address_that_is_not_http_ip_and_port_is_refused_saying_what_is_expected(string address)
    {
        var error = Assert.Throws<WebAddressException>(() => WebAddress.Parse(address, "--web"));
        Assert.Contains("http://127.0.0.1:8090", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void None_turns_the_page_off() => Assert.Null(WebAddress.Parse("none", "--web"));

    /// <summary>A page bound to every address, reached through loopback: still not a loopback binding.</summary>
    public static Uri Loopback(WebServer page) => new($"http://127.0.0.1:{page.Address.Port}/");
}
