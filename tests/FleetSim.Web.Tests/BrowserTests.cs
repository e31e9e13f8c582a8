using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetSim.Web.Tests;

/// <summary>The page in a real browser (chromium), against a real embedded silo with the sample fleet. Each test leaves a screenshot.</summary>
public sealed class BrowserTests(WebFixture web, BrowserFixture browser) : IClassFixture<WebFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_page_draws_the_sample_fleets_regions_gateways_and_servers()
    {
        var page = await Open();
        var eastus = page.Locator(".region[data-region='eastus']");
        await Expect(eastus.Locator(".gateway")).ToHaveCountAsync(3);
        await Expect(eastus.Locator(".gateway[data-gateway='40.121.158.30']")).ToContainTextAsync("Decommissioned");
        await Expect(eastus.Locator(".gateway[data-gateway='40.71.8.203']")).ToContainTextAsync("Current");
        await Expect(eastus.Locator(".server")).ToHaveCountAsync(4);
        await Expect(eastus.Locator(".server[data-server='contoso']")).ToContainTextAsync("GP_Gen5_4");
        await Expect(eastus.Locator(".server[data-server='wingtip']")).ToContainTextAsync("Stopped");
        await Expect(page.Locator(".region[data-region='westeurope'] .server[data-server='tailspin']")).ToBeVisibleAsync();
        await BrowserFixture.Screenshot(page, "map");
    }

    [Fact]
    public async Task A_region_too_large_to_draw_is_searched_and_drilled_into()
    {
        var page = await Open();
        var large = page.Locator($".region[data-region='{WebFixture.LargeRegion}']");
        await Expect(large).ToContainTextAsync($"{WebFixture.LargeRegionServers} Ready");
        await Expect(large.Locator(".server")).ToHaveCountAsync(0);
        await large.Locator("input[type=search]").FillAsync("shard-19");
        await Expect(large.Locator(".server")).ToHaveCountAsync(10);
        await large.Locator(".server[data-server='shard-193']").ClickAsync();
        await Expect(page.Locator("#server-panel")).ToContainTextAsync("Server shard-193");
        await BrowserFixture.Screenshot(page, "large-region-search");
    }

    [Fact]
    public async Task A_connection_made_meanwhile_appears_live_stopped_at_its_stage()
    {
        var page = await Open();
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await web.Connect("app@contoso", "Sh0p!2026", "198.51.100.177");
        var decision = page.Locator("#decisions li.decision", new() { HasText = "198.51.100.177" });
        await Expect(decision).ToHaveAttributeAsync("data-reason", "FirewallDenied");
        await Expect(decision.Locator(".stage.stopped")).ToHaveTextAsync("network");
        await Expect(page.Locator("#funnel tr[data-stage='network'] .count")).Not.ToHaveTextAsync("");
        await decision.ClickAsync();
        await Expect(page.Locator("#trace h3")).ToContainTextAsync("FirewallDenied");
        await BrowserFixture.Screenshot(page, "live");
    }

    [Fact]
    public async Task Decisions_move_along_the_path_and_come_to_rest_where_they_were_decided()
    {
        var page = await Open();
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        // A dot rests a moment where it stopped, then fades: clients keep connecting until both are seen at rest.
        using var seen = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var clients = Task.Run(async () =>
        {
            while (!seen.IsCancellationRequested)
            {
                await web.Connect("app@contoso", "Sh0p!2026", "198.51.100.178");
                await web.Connect("app@contoso", "Sh0p!2026", "203.0.113.178");
                await Task.Delay(300, CancellationToken.None);
            }
        }, CancellationToken.None);
        try
        {
            await page.WaitForFunctionAsync(AtRest, new[] { ".traveller.denied[data-stop='gateway']", ".gateway[data-gateway='40.71.8.203']" });
            await page.WaitForFunctionAsync(AtRest, new[] { ".traveller.allowed[data-stop='server']", ".server[data-server='contoso']" });
            await BrowserFixture.Screenshot(page, "decisions-moving");
        }
        finally
        {
            await seen.CancelAsync();
            await clients;
        }
    }

    /// <summary>True once a dot matching the first selector has its centre inside the element of the second.</summary>
    private const string AtRest = """
        ([dots, target]) => {
          const box = document.querySelector(target)?.getBoundingClientRect();
          return !!box && [...document.querySelectorAll(dots)].some(dot => {
            const r = dot.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
          });
        }
        """;

    [Fact]
    public async Task Clicking_a_traced_live_decision_shows_its_whole_trace_with_the_deciding_rule()
    {
        var page = await Open();
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        var traced = page.Locator("#decisions li.decision[data-traced]", new() { HasText = "203.0.113.179" });
        // A few decisions a second are traced: a client connects, pausing, until one of its decisions is.
        while (await traced.CountAsync() == 0)
        {
            await web.Connect("app@contoso", "Sh0p!2026", "203.0.113.179");
            await Task.Delay(DecisionFeedPause, TestContext.Current.CancellationToken);
        }
        await traced.First.ClickAsync();
        await Expect(page.Locator("#trace .note")).ToContainTextAsync("traced as it was made");
        await Expect(page.Locator("#trace h3")).ToContainTextAsync("ALLOWED by 'office'");
        await Expect(page.Locator("#trace")).Not.ToContainTextAsync("null");
        await Expect(page.Locator("#trace tr[data-stage='network']")).ToContainTextAsync("office");
        foreach (var stage in new[] { "dns", "gateway", "route", "tls", "network", "authentication" })
            await Expect(page.Locator($"#trace tr[data-stage='{stage}']")).ToContainTextAsync("pass");
        await BrowserFixture.Screenshot(page, "live-trace");
    }

    private const int DecisionFeedPause = Grains.Gateways.DecisionFeed.TracedEvery * 2;

    [Fact]
    public async Task The_form_shows_the_firewall_denied_trace_naming_the_stage()
    {
        var page = await Open();
        var form = page.Locator("#try-form");
        await form.Locator("[name=user]").FillAsync("app@contoso");
        await form.Locator("[name=password]").FillAsync("Sh0p!2026");
        await form.Locator("[name=ip]").FillAsync("192.0.2.44");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#trace h3")).ToContainTextAsync("DENIED FirewallDenied (error 9000) at stage network");
        await Expect(page.Locator("#trace tr.deciding")).ToHaveAttributeAsync("data-stage", "network");
        await Expect(page.Locator("#trace tr.deciding")).ToContainTextAsync("no firewall rule");
        await BrowserFixture.Screenshot(page, "form-firewall-denied");
    }

    [Fact]
    public async Task A_lesson_runs_its_attempt_and_says_why()
    {
        var page = await Open();
        await page.Locator("#lessons button", new() { HasText = "TLS forgotten" }).ClickAsync();
        await Expect(page.Locator("#trace h3")).ToContainTextAsync("SslRequired");
        await Expect(page.Locator("#trace tr.deciding")).ToHaveAttributeAsync("data-stage", "tls");
        await Expect(page.Locator("#trace .note")).ToContainTextAsync("SSL is enforced by default");
        await BrowserFixture.Screenshot(page, "lesson-tls");
    }

    [Fact]
    public async Task The_rule_change_lesson_shows_a_new_rule_refused_until_the_delay_has_passed()
    {
        var page = await Open();
        await page.Locator("#lessons button", new() { HasText = "A rule change is not instant" }).ClickAsync();
        var steps = page.Locator("#trace .lesson-step");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0).Locator("h3")).ToContainTextAsync("DENIED FirewallDenied");
        await Expect(steps.Nth(1).Locator(".says")).ToContainTextAsync("was created");
        await Expect(steps.Nth(1).Locator("h3")).ToContainTextAsync("DENIED FirewallDenied");
        await Expect(steps.Nth(1).Locator("tr.deciding")).ToHaveAttributeAsync("data-stage", "network");
        await Expect(page.Locator("#trace > .note")).ToContainTextAsync("up to five minutes");
        await BrowserFixture.Screenshot(page, "lesson-rule-change");
    }

    [Fact]
    public async Task The_redirect_lesson_shows_a_tls_1_2_login_redirected_and_an_older_one_proxied()
    {
        var page = await Open();
        await page.Locator("#lessons button", new() { HasText = "Redirect skips the gateway" }).ClickAsync();
        var steps = page.Locator("#trace .lesson-step");
        await Expect(steps).ToHaveCountAsync(2);
        await Expect(steps.Nth(0).Locator("h3")).ToContainTextAsync("redirected: the session skips the gateway");
        await Expect(steps.Nth(1).Locator("h3")).ToContainTextAsync("ALLOWED");
        await Expect(steps.Nth(1).Locator("h3")).Not.ToContainTextAsync("redirected");
        await Expect(page.Locator("#trace > .note")).ToContainTextAsync("redirect_enabled ON");
        await BrowserFixture.Screenshot(page, "lesson-redirect");
    }

    [Fact]
    public async Task A_server_card_opens_its_panel()
    {
        var page = await Open();
        await page.Locator(".server[data-server='contoso']").ClickAsync();
        var panel = page.Locator("#server-panel");
        await Expect(panel).ToContainTextAsync("Server contoso");
        await Expect(panel).ToContainTextAsync("ci-runner");
        await BrowserFixture.Screenshot(page, "server-panel");
    }

    [Fact]
    public async Task A_fleet_string_with_markup_is_shown_as_text()
    {
        var page = await Open();
        await Expect(page.Locator("#client-kinds")).ToContainTextAsync($"subnet {WebFixture.MarkupSubnet} 10.9.0.0/24");
        await Expect(page.Locator("#try-form [name=subnet]")).ToContainTextAsync(WebFixture.MarkupSubnet);
        await Expect(page.Locator("#client-kinds b, #client-kinds img")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        await BrowserFixture.Screenshot(page, "markup-as-text");
    }

    [Fact]
    public async Task A_page_bound_beyond_loopback_answers_401_without_its_token_and_works_with_it()
    {
        await using var server = await WebServer.StartAsync(new WebOptions(WebAddress.Parse("http://0.0.0.0:0", "--web")!), web.Host, web.Feed, TestContext.Current.CancellationToken);
        var page = await browser.NewPage();
        var address = AccessTests.Loopback(server);
        var refused = await page.GotoAsync(address.ToString());
        Assert.Equal(401, refused!.Status);
        await BrowserFixture.Screenshot(page, "401-without-token");
        var admitted = await page.GotoAsync($"{address}?token={server.Token}");
        Assert.Equal(200, admitted!.Status);
        // The page's own requests (fetch, the event stream) go with the cookie the token left.
        await Expect(page.Locator(".region[data-region='eastus'] .server")).ToHaveCountAsync(4);
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
    }

    private async Task<IPage> Open()
    {
        var page = await browser.NewPage();
        await page.GotoAsync(web.Page.Address.ToString());
        await Expect(page.Locator(".region[data-region='eastus']")).ToBeVisibleAsync();
        return page;
    }
}
