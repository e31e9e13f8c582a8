using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Policy.Validation;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// FleetSim as `fleetsim serve` runs it, in this process: an embedded silo with a one-server fleet
/// that admits the benchmark's client (firewall open to the listener's source, sslEnforcement
/// Disabled so that clear logins pass too) and a gateway listener pair with the given certificate.
/// Its CPU is this process's: the load clients run in processes of their own.
/// </summary>
public sealed class FleetSimGateway : IAsyncDisposable
{
    public const string Server = "bench";
    public const string Gateway = "40.71.8.203";
    public const string Source = "203.0.113.9";
    public const string Login = "dbadmin@" + Server;
    public const string Password = "B3nch!pw2026";

    private static readonly string FleetJson = $$"""
        {
          "regions": [ { "name": "eastus", "gateways": [ { "ip": "{{Gateway}}", "state": "Current" } ] } ],
          "servers": [
            { "name": "{{Server}}", "region": "eastus", "sku": "GP_Gen5_4", "sslEnforcement": "Disabled",
              "administratorLogin": "dbadmin", "administratorLoginPassword": "{{Password}}",
              "firewallRules": [ { "name": "client", "startIpAddress": "{{Source}}", "endIpAddress": "{{Source}}" } ] }
          ]
        }
        """;

    private readonly EmbeddedSilo _silo;
    private readonly ListenerPair _listeners;
    private readonly X509Certificate2 _certificate;

    private FleetSimGateway(EmbeddedSilo silo, ListenerPair listeners, X509Certificate2 certificate)
    {
        _silo = silo;
        _listeners = listeners;
        _certificate = certificate;
        Target = new WireTarget(WireTarget.FleetSim, listeners.Gateway.Endpoint.Endpoint, Login, Password, static () => Process.GetCurrentProcess().TotalProcessorTime);
    }

    public WireTarget Target { get; }

    public static async Task<FleetSimGateway> StartAsync(ServerCertificates certificates, CancellationToken cancellationToken)
    {
        var silo = await EmbeddedSilo.StartAsync(cancellationToken: cancellationToken);
        X509Certificate2? certificate = null;
        try
        {
            var provisioned = await ((IFleetHost)silo).ProvisionAsync(FleetSpecReader.Read(FleetJson, "wire-bench-fleet.json"));
            if (!provisioned.Succeeded)
                throw new InvalidOperationException($"the benchmark's fleet was refused: {string.Join("; ", provisioned.Errors)}");
            certificate = certificates.Load();
            var endpoint = new WireEndpoint(new IPEndPoint(IPAddress.Loopback, 0), Gateway, new SourceAddress(Source));
            var listeners = ListenerPair.Open(endpoint, new WireOptions { Certificate = certificate }, new WireFleet(silo.Grains, silo.DirectoryCache), NullLogger.Instance);
            return new FleetSimGateway(silo, listeners, certificate);
        }
        catch
        {
            certificate?.Dispose();
            await silo.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _listeners.DisposeAsync();
        await _silo.DisposeAsync();
        _certificate.Dispose();
    }
}
