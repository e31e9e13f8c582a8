using System.Net;
using FleetSim.Client.Attempts;
using FleetSim.Hosting;
using FleetSim.Policy.Validation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FleetSim.Web.Tests;

/// <summary>
/// The README's picture of the page (docs/web-page.png) is this test's screenshot "web-page": the
/// plain sample fleet, samples/attempts.jsonl sent while the page watches, and the form's answer to
/// an address no rule admits. Copy it over docs/web-page.png when the page changes.
/// </summary>
public sealed class ReadmeScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_sample_fleet_with_its_attempts_flowing_is_drawn_with_every_region_and_decision()
    {
        var cancel = TestContext.Current.CancellationToken;
        var fleetPath = Path.Combine(WebFixture.Repository, "samples", "fleet.json");
        var fleet = FleetSpecReader.ReadFile(fleetPath);
        await using var silo = await EmbeddedSilo.StartAsync(cancellationToken: cancel);
        IFleetHost host = silo;
        Assert.True((await host.ProvisionAsync(fleet)).Succeeded);
        await using var web = await WebServer.StartAsync(new WebOptions(new WebAddress(new IPEndPoint(IPAddress.Loopback, 0))), host, feed: null, cancel);

        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(web.Address.ToString());
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await Expect(page.Locator(".region")).ToHaveCountAsync(fleet.Regions.Count);

        // The page watches through the silo's hub, which the silo polls: the attempts are sent until they show.
        var attempts = AttemptFile.Read(Path.Combine(WebFixture.Repository, "samples", "attempts.jsonl"), fleet).Attempts;
        while (await page.Locator("#decisions li.decision").CountAsync() < attempts.Count)
        {
            foreach (var attempt in attempts)
            {
                var (request, pinned) = AttemptFile.ToRequest(attempt with { Hold = false, Statements = null });
                await host.Connector.Connect(request, pinned);
            }
        }
        await Expect(page.Locator("#decisions li.decision[data-reason='FirewallDenied']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#decisions li.decision[data-reason='Allowed']").First).ToBeVisibleAsync();

        var form = page.Locator("#try-form");
        await form.Locator("[name=password]").FillAsync("Sh0p!2026");
        await form.Locator("[name=ip]").FillAsync("192.0.2.44");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#trace h3")).ToContainTextAsync("DENIED FirewallDenied (error 9000) at stage network");
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        Directory.CreateDirectory(BrowserFixture.Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "web-page.png") });
        await context.CloseAsync();
    }
}
