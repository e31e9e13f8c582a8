using FleetSim.Hosting.Processes;

namespace FleetSim.Cli.Tests;

/// <summary>
/// One `fleetsim serve` of samples/fleet.json (plus litware, see <see cref="ServeFleets"/>) for the
/// tests of the serve collection, with a listener for each way a real client can arrive: from the
/// internet or Azure at each region's Current gateway, through a private endpoint, from a subnet, with a
/// dialled host name, and at a Decommissioned gateway (planned, never opened).
/// </summary>
public sealed class ServedFleet : IAsyncLifetime
{
    public const string EastGateway = "40.71.8.203", WestGateway = "40.68.37.158", RetiredGateway = "40.121.158.30";
    public const string InternetIp = "203.0.113.9";
    public const string BatchSubnet = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-shop/providers/Microsoft.Network/virtualNetworks/vnet-shop/subnets/batch";
    public const string ContosoHost = "contoso.mariadb.database.azure.com";

    private ServeProcess? _serve;

    public ServeProcess Serve => _serve ?? throw new InvalidOperationException("not started");

    /// <summary>The port the Decommissioned gateway's listener was given: free, and left unopened by serve.</summary>
    public int RetiredPort { get; private set; }

    /// <summary>From the internet (203.0.113.9) at eastus's Current gateway.</summary>
    public int East => Serve.Listener(EastGateway, l => l.Host is null && l.Source.Keys.SequenceEqual(["ip"])).Port;

    /// <summary>From an Azure address (a VM's outbound IP) at eastus's Current gateway.</summary>
    public int AzureVm => Serve.Listener(EastGateway, l => l.Source.ContainsKey("azure")).Port;

    /// <summary>From the internet at westeurope's gateway, where tailspin is.</summary>
    public int West => Serve.Listener(WestGateway, l => !l.Source.ContainsKey("privateEndpoint")).Port;

    /// <summary>Through tailspin's private endpoint pe-contractor, whose connection is Pending.</summary>
    public int Contractor => Serve.Listener(WestGateway, l => l.Source.ContainsKey("privateEndpoint")).Port;

    /// <summary>From vnet-shop's batch subnet: a Microsoft.Sql service endpoint, but no contoso VNet rule names it.</summary>
    public int Batch => Serve.Listener(EastGateway, l => l.Source.ContainsKey("subnet")).Port;

    /// <summary>From the internet at eastus's gateway, its clients taken to have dialled contoso's host name.</summary>
    public int DialledContoso => Serve.Listener(EastGateway, l => l.Host == ContosoHost).Port;

    public async ValueTask InitializeAsync()
    {
        RetiredPort = LoopbackPorts.Free();
        var listeners = Fleetsim.TempFile("listeners.json", $$$"""
            [
              {"endpoint": "127.0.0.1:0", "gateway": "{{{EastGateway}}}", "source": {"ip": "{{{InternetIp}}}"}},
              {"endpoint": "127.0.0.1:0", "gateway": "{{{WestGateway}}}", "source": {"ip": "{{{InternetIp}}}"}},
              {"endpoint": "127.0.0.1:0", "gateway": "{{{WestGateway}}}", "source": {"privateEndpoint": "pe-contractor"}},
              {"endpoint": "127.0.0.1:0", "gateway": "{{{EastGateway}}}", "source": {"ip": "20.42.0.7", "azure": true}},
              {"endpoint": "127.0.0.1:0", "gateway": "{{{EastGateway}}}", "source": {"subnet": "{{{BatchSubnet}}}", "ip": "10.1.2.4"}},
              {"endpoint": "127.0.0.1:0", "gateway": "{{{EastGateway}}}", "source": {"ip": "{{{InternetIp}}}"}, "host": "{{{ContosoHost}}}"},
              {"endpoint": "127.0.0.1:{{{RetiredPort}}}", "gateway": "{{{RetiredGateway}}}", "source": {"ip": "{{{InternetIp}}}"}}
            ]
            """);
        _serve = await ServeProcess.StartAsync(ServeFleets.WithLitware(), "--listeners", listeners);
    }

    public async ValueTask DisposeAsync()
    {
        if (_serve is not null)
            await _serve.DisposeAsync();
    }
}
