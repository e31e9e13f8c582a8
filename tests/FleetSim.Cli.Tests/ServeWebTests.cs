using System.Net;
using System.Text.Json;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim serve --web`: the page beside the listeners, its address printed and in the endpoints file.</summary>
[Collection(ServeCollection.Name)]
public sealed class ServeWebTests
{
    [Fact]
    public async Task Serve_serves_the_page_at_web_prints_its_address_and_writes_it_to_the_endpoints_file()
    {
        await using var serve = await ServeProcess.StartAsync("--web", "http://127.0.0.1:0");
        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(serve.Folder, "endpoints.json"), TestContext.Current.CancellationToken));
        var web = new Uri(endpoints.RootElement[0].GetProperty("web").GetString()!);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(web.Host)));
        Assert.NotEqual(0, web.Port);
        // Printed just after the endpoints file is written; the output pipe may lag behind it.
        using (var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            while (!serve.Output.Contains("Web page:", StringComparison.Ordinal) && !patience.IsCancellationRequested)
                await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Contains($"Web page: {web}", serve.Output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = web };
        using var fleet = JsonDocument.Parse(await http.GetStringAsync("/api/fleet", TestContext.Current.CancellationToken));
        Assert.Equal(["eastus", "westeurope"], fleet.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Web_none_serves_no_page()
    {
        await using var serve = await ServeProcess.StartAsync("--web", "none");
        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(serve.Folder, "endpoints.json"), TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Null, endpoints.RootElement[0].GetProperty("web").ValueKind);
        Assert.Equal(0, await serve.StopAsync());
        Assert.DoesNotContain("Web page:", serve.Output, StringComparison.Ordinal);
    }
}
