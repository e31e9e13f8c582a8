using System.Globalization;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>
/// Threat protection for one server, fed with the logins that reach it and returning the alerts
/// they raise. Time is the events' own: replaying a day of logins judges them as if they happened.
/// <list type="bullet">
/// <item>BruteForce: the threshold of failed logins from one address within the window (Medium);
/// a successful login from that address afterwards is a successful brute force (High).</item>
/// <item>HarmfulApplication: any login attempt by a listed tool (High).</item>
/// <item>SuspiciousIpAnomaly: a successful login from a flagged address (Medium).</item>
/// <item>Principal, Domain, DataCenter, CloudProvider and Geo anomalies: a successful login with a
/// value not in the baseline. The learning period starts at the first event seen (or at a given
/// time); during it values are learned and no anomaly is raised; after it an unseen value alerts
/// once and joins the baseline.</item>
/// </list>
/// Nothing is raised or learned while the policy is not active (disabled, or a Basic server).
/// Like the grain that owns it, it is not thread-safe.
/// </summary>
public sealed class ThreatDetector
{
    /// <summary>Bounds on memory per server: watched addresses, values per baseline, suppressed alerts.</summary>
    public const int MaxSources = 10_000;
    public const int MaxBaselineValues = 10_000;
    public const int MaxSuppressions = 10_000;

    private readonly BruteForceWatch _bruteForce;
    private readonly AlertSuppression _suppression;
    private readonly Baseline _users = new(StringComparer.Ordinal, MaxBaselineValues);
    private readonly Baseline _domains = new(StringComparer.OrdinalIgnoreCase, MaxBaselineValues);
    private readonly Baseline _azureRegions = new(StringComparer.OrdinalIgnoreCase, MaxBaselineValues);
    private readonly Baseline _cloudProviders = new(StringComparer.OrdinalIgnoreCase, MaxBaselineValues);
    private readonly Baseline _locations = new(StringComparer.OrdinalIgnoreCase, MaxBaselineValues);
    // The alerts of the event being observed; a new list per event that raises any, handed to the caller.
    private List<SecurityAlert>? _raised;

    /// <param name="server">The server's name, for alerts.</param>
    /// <param name="policy">The server's threat protection policy.</param>
    /// <param name="settings">The fleet's detection settings.</param>
    /// <param name="learningStartsAt">When the baseline period starts; null: at the first event observed.</param>
    public ThreatDetector(string server, ThreatProtectionPolicy policy, ThreatDetectionSettings settings, DateTimeOffset? learningStartsAt = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Server = server;
        Policy = policy;
        Settings = settings;
        LearningStartedAt = learningStartsAt;
        _bruteForce = new BruteForceWatch(settings.BruteForceThreshold, settings.BruteForceWindow, MaxSources);
        _suppression = new AlertSuppression(settings.AlertSuppression, MaxSuppressions);
    }

    public string Server { get; }

    /// <summary>Replaced when the server's policy changes; detection state survives.</summary>
    public ThreatProtectionPolicy Policy { get; set; }

    public ThreatDetectionSettings Settings { get; }

    public DateTimeOffset? LearningStartedAt { get; private set; }

    /// <summary>How many addresses with recent failures are watched; never more than <see cref="MaxSources"/>.</summary>
    public int WatchedSources => _bruteForce.Count;

    /// <summary>True before the learning period has started or while it lasts.</summary>
    public bool IsLearning(DateTimeOffset at) => LearningStartedAt is not { } start || at < start + Settings.LearningPeriod;

    /// <summary>Judges one login; returns the alerts it raises, usually none (an empty list, not allocated).</summary>
    public IReadOnlyList<SecurityAlert> Observe(in LoginEvent login)
    {
        if (!Policy.Active)
            return [];
        LearningStartedAt ??= login.At;
        _raised = null;
        var now = login.At.UtcTicks;

        if (Settings.IsHarmful(login.App) && MayRaise(ThreatAlertKind.HarmfulApplication, login.Ip, login.App, now))
            Add(ThreatAlertKind.HarmfulApplication, AlertSeverity.High, login,
                $"Login {(login.Succeeded ? "" : "attempt ")}to server '{Server}' by '{login.App}', an application commonly used for attacks, as user '{login.User}' from {login.Ip}");

        if (login.FailedAuthentication && _bruteForce.Failure(now, login.Ip, login.User, login.UserExists) is { } attack
            && MayRaise(ThreatAlertKind.BruteForce, login.Ip, null, now))
            Add(ThreatAlertKind.BruteForce, AlertSeverity.Medium, login,
                $"Brute force attack on server '{Server}': {Settings.BruteForceThreshold} failed logins from {login.Ip} within {SpecDuration.ToText(Settings.BruteForceWindow)}, {Tried(attack)}",
                attack.ExistingUser ?? login.User);

        if (login.Succeeded)
            ObserveSuccess(login, now);
        return _raised ?? (IReadOnlyList<SecurityAlert>)[];
    }

    private void ObserveSuccess(in LoginEvent login, long now)
    {
        // A successful brute force is its own subject: the Medium alert of the attack must not suppress it.
        if (_bruteForce.Success(now, login.Ip) is { } attack && MayRaise(ThreatAlertKind.BruteForce, login.Ip, "successful", now))
            Add(ThreatAlertKind.BruteForce, AlertSeverity.High, login,
                $"Successful brute force on server '{Server}': user '{login.User}' logged in from {login.Ip} after a brute force attack from that address was detected at {Time.FromTicks(attack.AttackDetectedAt!.Value):u}; the attack {Tried(attack)}");

        if (login.Address.Flag is { } flag && MayRaise(ThreatAlertKind.SuspiciousIpAnomaly, login.Ip, null, now))
            Add(ThreatAlertKind.SuspiciousIpAnomaly, AlertSeverity.Medium, login,
                $"Successful login to server '{Server}' as user '{login.User}' from {login.Ip}, an address flagged by threat intelligence{(flag.Description is null ? "" : $": {flag.Description}")}");

        var learning = IsLearning(login.At);
        Anomaly(_users, login.User, ThreatAlertKind.PrincipalAnomaly, AlertSeverity.Low, learning, login, "by user '{0}', not seen during the baseline period");
        Anomaly(_domains, login.Address.Domain, ThreatAlertKind.DomainAnomaly, AlertSeverity.Medium, learning, login, "from domain '{0}', not seen during the baseline period");
        Anomaly(_azureRegions, login.Address.AzureRegion, ThreatAlertKind.DataCenterAnomaly, AlertSeverity.Low, learning, login, "from Azure data center '{0}', unusual for this server");
        Anomaly(_cloudProviders, login.Address.CloudProvider, ThreatAlertKind.CloudProviderAnomaly, AlertSeverity.Medium, learning, login, "from cloud provider '{0}', not seen during the baseline period");
        Anomaly(_locations, login.Address.Location, ThreatAlertKind.GeoAnomaly, AlertSeverity.Medium, learning, login, "from location '{0}', unusual for this server");
    }

    // A disabled kind still learns: enabling it later must not flood with values seen all along.
    private void Anomaly(Baseline baseline, string? value, ThreatAlertKind kind, AlertSeverity severity, bool learning, in LoginEvent login, string what)
    {
        if (value is null || !baseline.Learn(value) || learning || !MayRaise(kind, value, null, login.At.UtcTicks))
            return;
        Add(kind, severity, login,
            $"Login to server '{Server}' {string.Format(CultureInfo.InvariantCulture, what, value)}, as user '{login.User}' from {login.Ip}");
    }

    // Decided before the description is built: a suppressed repeat during an attack costs no string.
    private bool MayRaise(ThreatAlertKind kind, string subject, string? detail, long now) =>
        Policy.Raises(kind) && _suppression.TryRaise(kind, subject, detail, now);

    private void Add(ThreatAlertKind kind, AlertSeverity severity, in LoginEvent login, string description, string? user = null) =>
        (_raised ??= []).Add(new SecurityAlert(kind.Id(), kind, severity, Server, login.Ip, user ?? login.User, login.At, description));

    private static string Tried(FailureSource attack) => attack.ExistingUser is { } valid
        ? $"with the existing user '{valid}'"
        : $"with users that do not exist on the server (last tried: '{attack.LastUser}')";

    /// <summary>The detector's memory as plain data.</summary>
    public ThreatDetectorState Export() => new(
        LearningStartedAt,
        [.. _users.Values.Order(StringComparer.Ordinal)],
        [.. _domains.Values.Order(StringComparer.Ordinal)],
        [.. _azureRegions.Values.Order(StringComparer.Ordinal)],
        [.. _cloudProviders.Values.Order(StringComparer.Ordinal)],
        [.. _locations.Values.Order(StringComparer.Ordinal)],
        [.. _bruteForce.Sources.OrderBy(s => s.Ip, StringComparer.Ordinal).Select(s => s.Export())],
        [.. _suppression.Entries.OrderBy(e => e.Until).ThenBy(e => e.Subject, StringComparer.Ordinal)]);

    /// <summary>A detector that continues from an exported state, under the current policy and settings.</summary>
    public static ThreatDetector Import(string server, ThreatProtectionPolicy policy, ThreatDetectionSettings settings, ThreatDetectorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var detector = new ThreatDetector(server, policy, settings, state.LearningStartedAt);
        detector._users.Restore(state.Users);
        detector._domains.Restore(state.Domains);
        detector._azureRegions.Restore(state.AzureRegions);
        detector._cloudProviders.Restore(state.CloudProviders);
        detector._locations.Restore(state.Locations);
        foreach (var source in state.Sources.Take(MaxSources))
            detector._bruteForce.Restore(FailureSource.Restore(source, settings.BruteForceThreshold));
        foreach (var entry in state.Suppressions.Take(MaxSuppressions))
            detector._suppression.Restore(entry);
        return detector;
    }
}
