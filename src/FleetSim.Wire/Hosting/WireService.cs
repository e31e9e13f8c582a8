using System.Net;
using FleetSim.Contracts.Fleet;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetSim.Wire.Hosting;

/// <summary>
/// Opens a silo host's listeners once the silo runs, and closes them (ending every wire session on
/// its server) before the silo stops, so that the silo's own shutdown flushes their audit records.
/// </summary>
internal sealed class WireService(IOptions<WireSiloOptions> options, IGrainFactory grains, DirectoryCache directory, ILogger<WireService> logger) : IHostedService, IAsyncDisposable
{
    private readonly List<ListenerPair> _listeners = [];
    private System.Security.Cryptography.X509Certificates.X509Certificate2? _certificate;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoints = Endpoints(settings);
        var certificates = settings.TlsCertificate is { } certificate && settings.TlsKey is { } key
            ? ServerCertificates.Given(certificate, key)
            : ServerCertificates.InFolder(settings.TlsFolder);
        _certificate = certificates.Load();
        var wire = new WireOptions { Certificate = _certificate, ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.ConnectTimeoutSeconds)) };
        foreach (var endpoint in endpoints)
            _listeners.Add(ListenerPair.Open(endpoint, wire, new WireFleet(grains, directory), logger));
        if (settings.EndpointsFile is { } path)
            EndpointsFile.Write(path, _listeners.Select(l => (new ListenerPlan(l.Gateway.Endpoint, null, "configured"), (WireEndpoint?)l.Gateway.Endpoint)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
            await listener.DisposeAsync();
        _listeners.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _certificate?.Dispose();
    }

    /// <summary>The configured listeners, every problem named by its configuration key.</summary>
    /// <exception cref="WireEndpointListException">A listener is not usable as configured.</exception>
    internal static IReadOnlyList<WireEndpoint> Endpoints(WireSiloOptions settings)
    {
        var errors = new List<string>();
        var endpoints = new List<WireEndpoint>();
        for (var i = 0; i < settings.Listeners.Count; i++)
        {
            var listener = settings.Listeners[i];
            var where = $"{WireSiloOptions.Section}:Listeners:{i}";
            var endpoint = listener.Endpoint is null ? null : ListenerFile.Endpoint(listener.Endpoint, $"{where}:Endpoint", settings.AllowRemote, errors);
            if (listener.Endpoint is null)
                errors.Add($"{where}:Endpoint: required");
            if (listener.Gateway is null || !IPAddress.TryParse(listener.Gateway, out _))
                errors.Add($"{where}:Gateway: '{listener.Gateway}' is not an IPv4 address");
            var source = listener.Source is { } s
                ? ListenerFile.Source(s.Ip, s.Azure, s.Subnet, s.PrivateEndpoint, $"{where}:Source", errors)
                : null;
            if (listener.Source is null)
                errors.Add($"{where}:Source: required, one of {ListenerFile.SourceForms}");
            if (endpoint is not null && source is not null && listener.Gateway is not null)
                endpoints.Add(new WireEndpoint(endpoint, listener.Gateway, source, listener.Host));
        }
        return errors.Count > 0 ? throw new WireEndpointListException(errors) : endpoints;
    }
}
