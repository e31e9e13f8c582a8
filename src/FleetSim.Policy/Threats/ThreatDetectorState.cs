using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Threats;

/// <summary>A detector's memory as plain data, for persistence: baselines, watched sources, suppressed alerts.</summary>
/// <param name="LearningStartedAt">When the baseline period began; null before the first event.</param>
public sealed record ThreatDetectorState(
    DateTimeOffset? LearningStartedAt,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> AzureRegions,
    IReadOnlyList<string> CloudProviders,
    IReadOnlyList<string> Locations,
    IReadOnlyList<SourceState> Sources,
    IReadOnlyList<SuppressionState> Suppressions);

/// <summary>
/// A client address with recent failed logins: their times (oldest first, at most the threshold),
/// when a brute force from it was detected, and the users it tried.
/// </summary>
/// <param name="ExistingUser">The last user tried that exists on the server, if any.</param>
public sealed record SourceState(
    string Ip,
    IReadOnlyList<DateTimeOffset> RecentFailures,
    DateTimeOffset LastSeen,
    DateTimeOffset? AttackDetectedAt,
    string? ExistingUser,
    string? LastUser);

/// <summary>An alert kind about a subject (an address, a value) not raised again before Until.</summary>
public sealed record SuppressionState(ThreatAlertKind Kind, string Subject, string? Detail, DateTimeOffset Until);
