using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Model;

/// <summary>A validated <see cref="ModelSpec"/> with its defaults filled in and its service times compiled.</summary>
public sealed class ServiceModel
{
    private readonly Dictionary<SourceKind, double> _rttMs;
    private readonly Dictionary<string, int> _handshakeRoundTrips;

    private ServiceModel(ModelSpec spec)
    {
        Sampler = new ModelSampler(spec.Seed);
        _rttMs = new Dictionary<SourceKind, double>(ModelDefaults.RttMs);
        foreach (var (name, ms) in spec.Network.RttMs ?? [])
        {
            if (SourceKinds.TryParse(name, out var kind))
                _rttMs[kind] = ms;
        }
        _handshakeRoundTrips = new Dictionary<string, int>(ModelDefaults.HandshakeRoundTrips);
        foreach (var (version, trips) in spec.Tls.HandshakeRoundTrips ?? [])
            _handshakeRoundTrips[version] = trips;
        ConnectRoundTrips = spec.Network.ConnectRoundTrips;
        GatewayToServerMs = spec.Network.GatewayToServerMs;
        HandshakeCpu = ServiceTime.From(spec.Tls.HandshakeCpu, ModelDefaults.HandshakeCpu);
        GatewayWorkers = spec.Gateway.Workers;
        GatewayConnect = ServiceTime.From(spec.Gateway.Connect, ModelDefaults.GatewayConnect);
        GatewayStatement = ServiceTime.From(spec.Gateway.Statement, ModelDefaults.GatewayStatement);
        WorkersPerVCore = spec.Server.WorkersPerVCore;
        Login = ServiceTime.From(spec.Server.Login, ModelDefaults.ServerLogin);
        Statement = ServiceTime.From(spec.Server.Statement, ModelDefaults.ServerStatement);
        TimeoutMs = spec.TimeoutMs;
    }

    /// <summary>Compiles a section that <see cref="ModelValidator"/> accepted.</summary>
    public static ServiceModel Compile(ModelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new ServiceModel(spec);
    }

    public ModelSampler Sampler { get; }
    public int ConnectRoundTrips { get; }
    public double GatewayToServerMs { get; }
    public ServiceTime HandshakeCpu { get; }
    public int GatewayWorkers { get; }
    public ServiceTime GatewayConnect { get; }
    public ServiceTime GatewayStatement { get; }
    public int WorkersPerVCore { get; }
    public ServiceTime Login { get; }
    public ServiceTime Statement { get; }
    public double TimeoutMs { get; }

    public double RttMs(SourceKind source) => _rttMs[source];

    /// <summary>Round trips of the TLS handshake; none for a plain-text client.</summary>
    public int HandshakeRoundTrips(TlsVersion version) =>
        version == TlsVersion.None ? 0 : _handshakeRoundTrips.GetValueOrDefault(version.ToOffered(), 2);

    public int ServerWorkers(int vCores) => Math.Max(1, vCores) * WorkersPerVCore;
}
