using System.Net;
using System.Net.Http.Headers;
using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using FleetSim.Policy.Spec;
using FleetSim.Hosting.Processes;
using FleetSim.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetSim.Web.Tests;

/// <summary>The page on a silo host's own web server, wired as FleetSim.Silo's Program.cs wires it, from a FleetSim:Web section.</summary>
public sealed class SiloHostTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_silo_with_a_web_section_serves_the_page_beside_its_other_paths_and_guards_only_the_page_with_the_token()
    {
        var port = LoopbackPorts.Free();
        await using var app = await StartSilo(port, new() { [$"{WebSiloExtensions.Section}:Token"] = "silo-token" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/fleet", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/dashboard/ping", Cancel)).StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/fleet") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "silo-token") } };
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request, Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_silo_hosts_page_watches_the_clusters_decisions_through_the_hub()
    {
        var port = LoopbackPorts.Free();
        await using var app = await StartSilo(port, new() { [$"{WebSiloExtensions.Section}:Token"] = "silo-token" });
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var provisioned = await grains.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default).Provision(WebFixture.Fleet());
        Assert.True(provisioned.Succeeded);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "silo-token");
        using var stream = await http.GetStreamAsync("/api/decisions/stream", Cancel);
        using var reader = new StreamReader(stream);
        Assert.Equal(": watching", await reader.ReadLineAsync(Cancel));
        // The silo starts sending at its next poll of the hub: a client keeps connecting until then.
        using var seen = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var connector = new FleetConnector(grains, new DirectoryCache(grains));
        var client = Task.Run(async () =>
        {
            while (!seen.IsCancellationRequested)
            {
                await connector.Connect(new ConnectRequest("contoso.mariadb.database.azure.com", "app@contoso", "Sh0p!2026", TlsVersion.Tls1_2,
                    new SourceAddress("198.51.100.232")), directoryVersion: provisioned.Version);
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);
        string? line;
        while ((line = await reader.ReadLineAsync(Cancel)) is not null && !line.Contains("198.51.100.232", StringComparison.Ordinal))
        {
        }
        await seen.CancelAsync();
        await client;
        Assert.Contains("\"reason\":\"FirewallDenied\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_without_a_web_section_serves_no_page()
    {
        var port = LoopbackPorts.Free();
        await using var app = await StartSilo(port, []);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/fleet", Cancel)).StatusCode);
    }

    /// <summary>A silo host as FleetSim.Silo builds one, in memory, with a stand-in for the dashboard's path.</summary>
    private static async Task<WebApplication> StartSilo(int port, Dictionary<string, string?> settings)
    {
        var urls = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            [$"{FleetSimSiloOptions.Section}:AuditStore"] = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-web-silo-").FullName, "audit.db"),
            [$"{FleetSimSiloOptions.Section}:StateStore"] = FleetSimSiloOptions.InMemory,
        });
        builder.WebHost.UseUrls(urls);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: LoopbackPorts.Free(), gatewayPort: LoopbackPorts.Free());
            silo.AddFleetSim(builder.Configuration);
        });
        var app = builder.Build();
        app.MapGet("/dashboard/ping", () => Results.Ok());
        app.MapFleetSimWeb(urls);
        await app.StartAsync(Cancel);
        return app;
    }
}
