using System.Net;
using System.Security.Cryptography.X509Certificates;
using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace FleetSim.Wire.Tests;

/// <summary>
/// An embedded silo with <see cref="TestFleet"/> and one listener pair (gateway and direct endpoint)
/// on free loopback ports, with a generated certificate: what `fleetsim serve` opens, in-process.
/// </summary>
public sealed class WireFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"fleetsim-wire-{Guid.NewGuid():N}");
    private EmbeddedSilo? _silo;
    private X509Certificate2? _certificate;

    /// <summary>Small, so a test can exceed it cheaply.</summary>
    public const int MaxAllowedPacket = 64 * 1024;

    public ListenerPair Listeners { get; private set; } = null!;

    public EmbeddedSilo Silo => _silo!;

    /// <summary>The CA the listener's certificate was made by, as a client pins it with --ssl-ca.</summary>
    public X509Certificate2 Ca { get; private set; } = null!;

    public IPEndPoint Gateway => Listeners.Gateway.Endpoint.Endpoint;

    public async ValueTask InitializeAsync()
    {
        _silo = await EmbeddedSilo.StartAsync(Path.Combine(_folder, "audit.db"));
        var provisioned = await ((IFleetHost)_silo).ProvisionAsync(TestFleet.Spec);
        Assert.True(provisioned.Succeeded, string.Join("; ", provisioned.Errors));
        var certificates = ServerCertificates.InFolder(Path.Combine(_folder, "tls"));
        _certificate = certificates.Load();
        Ca = X509CertificateLoader.LoadCertificateFromFile(certificates.CaPath);
        var endpoint = new WireEndpoint(new IPEndPoint(IPAddress.Loopback, 0), TestFleet.Gateway, new SourceAddress(TestFleet.SourceIp));
        Listeners = ListenerPair.Open(endpoint, new WireOptions { Certificate = _certificate, ConnectTimeout = TimeSpan.FromSeconds(3), MaxAllowedPacket = MaxAllowedPacket },
            new WireFleet(_silo.Grains, _silo.DirectoryCache), NullLogger.Instance);
    }

    /// <summary>A MySqlConnector connection string to the gateway listener.</summary>
    public MySqlConnectionStringBuilder Connection(string user, string password, MySqlSslMode ssl = MySqlSslMode.Required) => new()
    {
        Server = Gateway.Address.ToString(),
        Port = (uint)Gateway.Port,
        UserID = user,
        Password = password,
        SslMode = ssl,
        Pooling = false,
        ConnectionTimeout = 30,
    };

    public Task<ServerStatus> Status(string server) => Silo.Grains.GetGrain<IServerGrain>(server).GetStatus();

    /// <summary>Waits until the condition holds, for what happens after the client has its answer (a session closed behind it).</summary>
    public static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (await condition())
                return;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.Fail($"never happened: {what}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Listeners is not null)
            await Listeners.DisposeAsync();
        if (_silo is not null)
            await _silo.DisposeAsync();
        _certificate?.Dispose();
        Ca?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
