using System.Net;
using System.Net.Sockets;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using FleetSim.Policy.Spec;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;

namespace FleetSim.Hosting;

/// <summary>A running FleetSim cluster, reached as an Orleans client through its gateways.</summary>
public sealed class RemoteCluster : IFleetHost
{
    /// <summary>How long a client waits for a silo to answer: 15 s, or FLEETSIM_CONNECT_TIMEOUT seconds.</summary>
    /// <remarks>A person wants an answer quickly; a machine starting many clients at once needs more patience.</remarks>
    private static TimeSpan ConnectTimeout =>
        int.TryParse(Environment.GetEnvironmentVariable("FLEETSIM_CONNECT_TIMEOUT"), System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(15);

    private readonly IHost _host;

    private RemoteCluster(IHost host, string? auditStorePath)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
        DirectoryCache = new DirectoryCache(Grains);
        Connector = new FleetConnector(Grains, DirectoryCache);
        AuditStore = auditStorePath;
    }

    public IGrainFactory Grains { get; }

    public FleetConnector Connector { get; }

    public DirectoryCache DirectoryCache { get; }

    public string? AuditStore { get; }

    /// <summary>Connects through the given gateway ("host:port") of a cluster with these ids.</summary>
    /// <exception cref="ClusterUnreachableException">No silo answered.</exception>
    public static Task<RemoteCluster> ConnectToGatewayAsync(string gateway, string clusterId = "fleetsim", string serviceId = "fleetsim",
        string? auditStorePath = null, CancellationToken cancellationToken = default)
    {
        var endpoint = ParseGateway(gateway);
        return ConnectAsync(client => client.UseStaticClustering(endpoint), endpoint.ToString(), clusterId, serviceId, auditStorePath, cancellationToken);
    }

    /// <summary>Connects as the silo configuration file describes: ids, gateway port and audit store.</summary>
    public static Task<RemoteCluster> ConnectWithConfigurationAsync(string siloConfigurationFile, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(siloConfigurationFile))
            throw new ClusterUnreachableException($"--cluster: '{siloConfigurationFile}' does not exist");
        var configuration = SiloConfiguration.Read(siloConfigurationFile);
        var clusterId = configuration["Orleans:ClusterId"] ?? "fleetsim";
        var serviceId = configuration["Orleans:ServiceId"] ?? "fleetsim";
        var options = SiloConfiguration.Options(configuration);
        // Clustered through Redis: the client reads every live silo's gateway from the membership
        // table there, so it survives the death of the silo it first talked to.
        if (string.Equals(configuration["Orleans:Clustering:ProviderType"], "Redis", StringComparison.OrdinalIgnoreCase)
            && configuration["Orleans:Clustering:ConnectionString"] is { } redis)
            return ConnectAsync(client => client.UseRedisClustering(redis), $"redis {redis}", clusterId, serviceId, options.AuditStore, cancellationToken);
        var address = configuration["Orleans:Endpoints:AdvertisedIPAddress"] ?? "127.0.0.1";
        var port = configuration["Orleans:Endpoints:GatewayPort"] ?? "30000";
        return ConnectToGatewayAsync($"{address}:{port}", clusterId, serviceId, options.AuditStore, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(5));
        _host.Dispose();
    }

    private static async Task<RemoteCluster> ConnectAsync(Action<IClientBuilder> clustering, string where, string clusterId, string serviceId, string? auditStorePath, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, serviceId));
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(10));
            client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            client.Services.AddSerializer(s => s.AddFleetSimSerialization());
        });
        var host = builder.Build();
        // The client keeps retrying an absent gateway for minutes; a person wants an answer now.
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(patience.Token);
        }
        catch (Exception e) when (e is SocketException or OrleansException or TimeoutException or OperationCanceledException
            or Orleans.Runtime.Messaging.ConnectionFailedException or Orleans.Networking.Shared.SocketConnectionException)
        {
            if (cancellationToken.IsCancellationRequested)
                throw;
            host.Dispose();
            throw new ClusterUnreachableException(
                $"no FleetSim silo answered at {where} (cluster '{clusterId}'): start one with `dotnet run --project src/FleetSim.Silo`, or leave out --gateway/--cluster to use an embedded silo. ({e.GetType().Name}: {e.Message})");
        }
        return new RemoteCluster(host, auditStorePath);
    }

    private static IPEndPoint ParseGateway(string gateway)
    {
        var colon = gateway.LastIndexOf(':');
        if (colon > 0 && int.TryParse(gateway[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            var hostName = gateway[..colon];
            var address = IPAddress.TryParse(hostName, out var ip) ? ip
                : Dns.GetHostAddresses(hostName).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            if (address is not null)
                return new IPEndPoint(address, port);
        }
        throw new ClusterUnreachableException($"--gateway: '{gateway}' is not host:port, e.g. 127.0.0.1:30000");
    }
}

/// <summary>The cluster named on the command line cannot be reached; the message says what to do.</summary>
public sealed class ClusterUnreachableException(string message) : Exception(message);
