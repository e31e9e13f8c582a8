using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Servers;

/// <summary>
/// A server's threat detection: the detector, what the fleet knows of client addresses, and
/// whether what the detector learned since it was last saved is still unsaved. Re-provisioning
/// keeps what was learned; only the policy (state, disabled alerts) changes.
/// </summary>
internal sealed class ThreatWatch(ThreatDetectorState? learned)
{
    /// <summary>Baselines change with every login; they are saved this long after, not per login.</summary>
    public static readonly TimeSpan SavePeriod = TimeSpan.FromSeconds(5);

    private ThreatDetector? _detector;
    private AddressBook _addresses = AddressBook.Empty;

    /// <summary>Baselines change with every login; they are saved in the background, not per login.</summary>
    public bool Unsaved { get; private set; }

    public void Configure(ServerSpec spec, FleetContext context)
    {
        var protection = ThreatProtectionPolicy.FromSpec(spec);
        if (_detector is null)
        {
            var settings = ThreatDetectionSettings.FromSpec(context.ThreatDetection ?? new ThreatDetectionSpec());
            _detector = learned is { } state
                ? ThreatDetector.Import(spec.Name!, protection, settings, state)
                : new ThreatDetector(spec.Name!, protection, settings);
        }
        else
        {
            _detector.Policy = protection;
        }
        _addresses = AddressBook.FromSpec(new FleetSpec { Internet = [.. context.Internet], ThreatIntelligence = [.. context.ThreatIntelligence] });
    }

    /// <summary>A login that reached the server; returns the alerts it raised.</summary>
    public IReadOnlyList<SecurityAlert> Observe(DateTimeOffset at, string ip, string login, string? app, bool succeeded, int errorCode, bool userExists)
    {
        if (_detector is not { Policy.Active: true } detector)
            return [];
        Unsaved = true;
        return detector.Observe(new LoginEvent(at, ip, login, app, succeeded, errorCode, _addresses.Lookup(ip), userExists));
    }

    /// <summary>What the detector learned, to persist; it counts as saved from here on.</summary>
    public ThreatDetectorState? Export()
    {
        Unsaved = false;
        return _detector?.Export() ?? learned;
    }
}
