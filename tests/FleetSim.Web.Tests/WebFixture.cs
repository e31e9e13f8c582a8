using System.Net;
using FleetSim.Contracts.Connections;
using FleetSim.Grains.Gateways;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Web.Tests;

/// <summary>
/// An embedded silo with the sample fleet (samples/fleet.json) and one more virtual network whose
/// subnet's name is markup, its live decision feed, and the page served on a free loopback port: what
/// `fleetsim serve --web http://127.0.0.1:0` runs, in-process.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    /// <summary>A subnet name (free text but for '/') a browser would run if it were inserted as markup.</summary>
    public const string MarkupSubnet = "<b>markup<b><img src=x onerror=\"window.pwned=1\">";

    private EmbeddedSilo? _silo;

    public IFleetHost Host => _silo!;

    public DecisionFeed Feed { get; } = new();

    public WebServer Page { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(configure: Feed.AddTo);
        var provisioned = await Host.ProvisionAsync(Fleet());
        Assert.True(provisioned.Succeeded, string.Join("; ", provisioned.Errors));
        Page = await WebServer.StartAsync(new WebOptions(new WebAddress(new IPEndPoint(IPAddress.Loopback, 0))), Host, Feed);
        Http = new HttpClient { BaseAddress = Page.Address };
    }

    public static string Repository { get; } = FindRepository();

    /// <summary>A region with more servers than the map draws one by one.</summary>
    public const string LargeRegion = "northeurope";

    public const int LargeRegionServers = 201;

    /// <summary>The sample fleet, with a subnet named in markup and a region too large to draw server by server.</summary>
    public static FleetSpec Fleet()
    {
        var text = File.ReadAllText(Path.Combine(Repository, "samples", "fleet.json"));
        var markup = System.Text.Json.JsonSerializer.Serialize(MarkupSubnet);
        text = text.Replace("\"virtualNetworks\": [", $$"""
            "virtualNetworks": [
              {
                "id": "/subscriptions/00000000-0000-0000-0000-000000000009/resourceGroups/rg-teach/providers/Microsoft.Network/virtualNetworks/vnet-teach",
                "region": "westeurope",
                "subnets": [ { "name": {{markup}}, "addressPrefix": "10.9.0.0/24", "serviceEndpoints": [] } ]
              },
            """, StringComparison.Ordinal);
        text = text.Replace("\"regions\": [", $$"""
            "regions": [ { "name": "{{LargeRegion}}", "gateways": [ { "ip": "40.0.0.9", "state": "Current" } ] },
            """, StringComparison.Ordinal);
        var shards = Enumerable.Range(0, LargeRegionServers).Select(i => $$"""
            { "name": "shard-{{i:000}}", "region": "{{LargeRegion}}", "administratorLogin": "shardadmin", "administratorLoginPassword": "Shard!2026x" },
            """);
        text = text.Replace("\"servers\": [", "\"servers\": [" + string.Concat(shards), StringComparison.Ordinal);
        return FleetSpecReader.Read(text, "fleet.json");
    }

    /// <summary>A connection a client makes through the fleet meanwhile, as `check` sends one.</summary>
    public Task<ConnectResult> Connect(string user, string password, string ip) =>
        Host.Connector.Connect(new ConnectRequest($"{user[(user.IndexOf('@', StringComparison.Ordinal) + 1)..]}.mariadb.database.azure.com", user, password,
            TlsVersion.Tls1_2, new SourceAddress(ip)));

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Page is not null)
            await Page.DisposeAsync();
        if (_silo is not null)
            await _silo.DisposeAsync();
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetSim.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("FleetSim.sln not found above " + AppContext.BaseDirectory);
    }
}
