using System.Net;
using System.Text;
using System.Text.Json;

namespace FleetSim.Web.Tests;

/// <summary>The JSON API under the page, against a real embedded silo with the sample fleet.</summary>
public sealed class ApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fleet_lists_regions_with_their_gateways_states_and_servers_with_sessions_against_max_connections()
    {
        using var fleet = JsonDocument.Parse(await web.Http.GetStringAsync("/api/fleet", Cancel));
        var eastus = fleet.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "eastus");
        Assert.Equal(["40.121.158.30 Decommissioned", "191.238.6.43 Decommissioning", "40.71.8.203 Current"],
            eastus.GetProperty("gateways").EnumerateArray().Select(g => $"{g.GetProperty("ip")} {g.GetProperty("state")}"));
        var contoso = eastus.GetProperty("servers").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "contoso");
        Assert.Equal("GP_Gen5_4", contoso.GetProperty("sku").GetString());
        Assert.True(contoso.GetProperty("maxConnections").GetInt32() > 0);
        Assert.Equal("Stopped", eastus.GetProperty("servers").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "wingtip").GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_region_of_more_than_200_servers_is_sent_as_counts_and_searched_by_name()
    {
        using var fleet = JsonDocument.Parse(await web.Http.GetStringAsync("/api/fleet", Cancel));
        var large = fleet.RootElement.GetProperty("regions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == WebFixture.LargeRegion);
        Assert.Equal(WebFixture.LargeRegionServers, large.GetProperty("serverCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, large.GetProperty("servers").ValueKind);
        Assert.Equal(WebFixture.LargeRegionServers, large.GetProperty("serversByState").GetProperty("Ready").GetInt32());

        using var found = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/regions/{WebFixture.LargeRegion}/servers?search=shard-19", Cancel));
        Assert.Equal(Enumerable.Range(190, 10).Select(i => $"shard-{i}"), found.RootElement.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        using var all = JsonDocument.Parse(await web.Http.GetStringAsync($"/api/regions/{WebFixture.LargeRegion}/servers", Cancel));
        Assert.Equal(200, all.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task No_password_or_password_hash_reaches_the_page()
    {
        var fleet = await web.Http.GetStringAsync("/api/fleet", Cancel);
        var server = await web.Http.GetStringAsync("/api/servers/contoso", Cancel);
        foreach (var text in new[] { fleet, server })
        {
            Assert.DoesNotContain("Contoso!2026", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Sh0p!2026", text, StringComparison.Ordinal);
            Assert.DoesNotContain("assword", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Server_panel_shows_firewall_rules_private_endpoints_and_parameters()
    {
        using var contoso = JsonDocument.Parse(await web.Http.GetStringAsync("/api/servers/contoso", Cancel));
        Assert.Equal(["office", "ci-runner", "legacy-nat"], contoso.RootElement.GetProperty("firewallRules").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.Equal("ON", contoso.RootElement.GetProperty("configurations").GetProperty("audit_log_enabled").GetString());
        using var tailspin = JsonDocument.Parse(await web.Http.GetStringAsync("/api/servers/tailspin", Cancel));
        Assert.Contains("pe-contractor Pending", tailspin.RootElement.GetProperty("privateEndpointConnections").EnumerateArray().Select(c => $"{c.GetProperty("name")} {c.GetProperty("status")}"));
        Assert.Equal(HttpStatusCode.NotFound, (await web.Http.GetAsync("/api/servers/nosuchserver", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Explain_answers_as_explain_json_does_with_the_deciding_stage_in_the_trace()
    {
        using var response = await Explain("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","password":"Sh0p!2026","tls":"1.2","source":{"ip":"192.0.2.44"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var root = answer.RootElement;
        Assert.Equal(["id", "allowed", "reason", "code", "message", "rule", "server", "gateway", "trace"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("FirewallDenied", root.GetProperty("reason").GetString());
        Assert.Equal(9000, root.GetProperty("code").GetInt32());
        var failed = root.GetProperty("trace").EnumerateArray().Single(s => !s.GetProperty("passed").GetBoolean());
        Assert.Equal("network", failed.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Explain_ignores_hold_so_no_session_stays_open()
    {
        using var response = await Explain("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","password":"Sh0p!2026","source":{"ip":"203.0.113.9"},"hold":true}""");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.True(answer.RootElement.GetProperty("allowed").GetBoolean());
        var status = await web.Host.Grains.GetGrain<Contracts.Connections.IServerGrain>("contoso").GetStatus();
        Assert.Equal(0, status.OpenConnections);
    }

    [Fact]
    public async Task A_bad_attempt_gets_400_with_the_errors_check_prints()
    {
        using var response = await Explain("""{"user":"app@contoso","tls":"1.4","source":{}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal([
            "body: host: required unless gatewayIp is given",
            "body: tls: '1.4' is not one of none, 1.0, 1.1, 1.2, 1.3",
            "body: source.ip: required unless the source is a privateEndpoint",
        ], answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_body_that_is_not_an_attempt_gets_400_naming_the_field()
    {
        using var response = await Explain("""{"user":"app@contoso","colour":"blue"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("colour", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stream_carries_a_connection_made_meanwhile_as_checks_line_with_at_and_stage()
    {
        using var stream = await web.Http.GetStreamAsync("/api/decisions/stream", Cancel);
        using var reader = new StreamReader(stream);
        Assert.Equal(": watching", await reader.ReadLineAsync(Cancel));
        await web.Connect("app@contoso", "Sh0p!2026", "198.51.100.201");
        var line = await NextDecision(reader, "198.51.100.201");
        using var decision = JsonDocument.Parse(line);
        var root = decision.RootElement;
        Assert.Equal(["id", "allowed", "reason", "code", "message", "rule", "server", "gateway", "at", "stage", "region", "user", "source"],
            root.EnumerateObject().Select(p => p.Name).Where(n => n != "trace"));
        Assert.Equal("FirewallDenied", root.GetProperty("reason").GetString());
        Assert.Equal("network", root.GetProperty("stage").GetString());
        Assert.Equal("40.71.8.203", root.GetProperty("gateway").GetString());
    }

    [Fact]
    public async Task The_first_decision_a_page_sees_carries_its_trace_from_the_gateway_on_naming_the_rule()
    {
        // Traces are taken a few a second while watched: a decision made after a pause gets one.
        using var stream = await web.Http.GetStreamAsync("/api/decisions/stream", Cancel);
        using var reader = new StreamReader(stream);
        Assert.Equal(": watching", await reader.ReadLineAsync(Cancel));
        string line;
        do
        {
            await Task.Delay(Grains.Gateways.DecisionFeed.TracedEvery * 2, Cancel);
            await web.Connect("app@contoso", "Sh0p!2026", "203.0.113.241");
            line = await NextDecision(reader, "203.0.113.241");
        }
        while (!line.Contains("\"trace\"", StringComparison.Ordinal));
        using var decision = JsonDocument.Parse(line);
        var trace = decision.RootElement.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal("gateway", trace[0].GetProperty("stage").GetString());
        Assert.All(trace, s => Assert.True(s.GetProperty("passed").GetBoolean()));
        Assert.Contains(trace, s => s.GetProperty("stage").GetString() == "network" && s.GetProperty("detail").GetString()!.Contains("'office'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_without_a_feed_of_its_own_watches_the_clusters_silos_through_their_hub()
    {
        // As `run --cluster --web` serves it: no silo in the page's process, the decisions come in batches.
        await using var page = await WebServer.StartAsync(new WebOptions(WebAddress.Parse("http://127.0.0.1:0", "--web")!), web.Host, feed: null, Cancel);
        using var http = new HttpClient { BaseAddress = page.Address };
        using var stream = await http.GetStreamAsync("/api/decisions/stream", Cancel);
        using var reader = new StreamReader(stream);
        Assert.Equal(": watching", await reader.ReadLineAsync(Cancel));
        // The silo starts sending at its next poll of the hub: a client keeps connecting until then.
        using var seen = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var client = Task.Run(async () =>
        {
            while (!seen.IsCancellationRequested)
            {
                await web.Connect("app@contoso", "Sh0p!2026", "198.51.100.231");
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
        using var decision = JsonDocument.Parse(await NextDecision(reader, "198.51.100.231"));
        await seen.CancelAsync();
        await client;
        Assert.Equal("network", decision.RootElement.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task An_explain_is_seen_live_like_any_other_connection()
    {
        using var stream = await web.Http.GetStreamAsync("/api/decisions/stream", Cancel);
        using var reader = new StreamReader(stream);
        Assert.Equal(": watching", await reader.ReadLineAsync(Cancel));
        using var _ = await Explain("""{"host":"contoso.mariadb.database.azure.com","user":"app@contoso","password":"wrong","source":{"ip":"203.0.113.202"}}""");
        using var decision = JsonDocument.Parse(await NextDecision(reader, "203.0.113.202"));
        Assert.Equal("authentication", decision.RootElement.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task The_page_and_its_script_are_served_by_fleetsim_with_a_policy_that_runs_only_its_own_script()
    {
        using var page = await web.Http.GetAsync("/", Cancel);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var script = await web.Http.GetStringAsync("/app.js", Cancel);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> Explain(string body) =>
        web.Http.PostAsync("/api/explain", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

    /// <summary>The next decision line of the stream that mentions <paramref name="marker"/> (other tests connect meanwhile).</summary>
    private static async Task<string> NextDecision(StreamReader reader, string marker)
    {
        while (await reader.ReadLineAsync(Cancel) is { } line)
        {
            if (line.StartsWith("data: {\"id\"", StringComparison.Ordinal) && line.Contains(marker, StringComparison.Ordinal))
                return line["data: ".Length..];
        }
        throw new InvalidOperationException("the stream ended");
    }
}
