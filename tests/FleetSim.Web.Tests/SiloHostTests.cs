using System.Net;
using System.Net.Http.Headers;
using FleetSim.Grains;
using FleetSim.Hosting.Processes;
using FleetSim.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
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
