using System.Net;
using System.Security.Cryptography.X509Certificates;
using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Policy.Model;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// An embedded silo with <see cref="TestFleet"/> and a fleet model of constant costs, and a gateway
/// listener with its direct endpoint, each with its own options, so that what each door's clients
/// were modelled at is told apart.
/// </summary>
public sealed class ModelledWireFixture : IAsyncLifetime
{
    /// <summary>The listeners' clients are on the internet: one round trip costs this, a login three of them besides TLS.</summary>
    public const double RttMs = 10;

    private static ServiceTimeSpec Constant(double ms) => new() { Distribution = "constant", MeanMs = ms };

    private static readonly ModelSpec Model = new()
    {
        Network = new NetworkModelSpec { RttMs = new() { ["internet"] = RttMs }, ConnectRoundTrips = 3, GatewayToServerMs = 0.5 },
        Tls = new TlsModelSpec { HandshakeCpu = Constant(2) },
        Gateway = new GatewayModelSpec { Connect = Constant(1), Statement = Constant(0.5) },
        Server = new ServerModelSpec { Login = Constant(4), Statement = Constant(1) },
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetsim-wire-modelled-{Guid.NewGuid():N}");
    private EmbeddedSilo? _silo;
    private X509Certificate2? _certificate;
    private WireListener? _gateway, _direct;

    public ModelledDoor Gateway { get; } = new();

    public ModelledDoor Direct { get; } = new();

    /// <summary>The CA the listeners' certificate was made by, as a client pins it with --ssl-ca.</summary>
    public string CaPath { get; private set; } = "";

    public IPEndPoint DirectEndpoint => _direct!.Endpoint.Endpoint;

    public async ValueTask InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(Path.Combine(_folder, "audit.db"));
        var provisioned = await ((IFleetHost)_silo).ProvisionAsync(TestFleet.Spec with { Model = Model });
        Assert.True(provisioned.Succeeded, string.Join("; ", provisioned.Errors));
        var certificates = ServerCertificates.InFolder(Path.Combine(_folder, "tls"));
        _certificate = certificates.Load();
        CaPath = certificates.CaPath;
        var fleet = new WireFleet(_silo.Grains, _silo.DirectoryCache);
        var endpoint = new WireEndpoint(new IPEndPoint(IPAddress.Loopback, 0), TestFleet.Gateway, new SourceAddress(TestFleet.SourceIp));
        _direct = WireListener.Start(endpoint, Direct.Options(_certificate), fleet, direct: true, Direct.Log);
        _gateway = WireListener.Start(endpoint with { Direct = DirectEndpoint }, Gateway.Options(_certificate), fleet, direct: false, Gateway.Log);
    }

    /// <summary>A MySqlConnector connection string to the gateway listener.</summary>
    public MySqlConnectionStringBuilder Connection(string user, string password) => new()
    {
        Server = _gateway!.Endpoint.Endpoint.Address.ToString(),
        Port = (uint)_gateway.Endpoint.Endpoint.Port,
        UserID = user,
        Password = password,
        SslMode = MySqlSslMode.Required,
        Pooling = false,
        ConnectionTimeout = 30,
    };

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        if (_direct is not null)
            await _direct.DisposeAsync();
        if (_silo is not null)
            await _silo.DisposeAsync();
        _certificate?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
