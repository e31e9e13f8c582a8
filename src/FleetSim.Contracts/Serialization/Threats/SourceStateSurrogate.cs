using FleetSim.Policy.Threats;

namespace FleetSim.Contracts.Serialization.Threats;

[GenerateSerializer]
internal record struct SourceStateSurrogate(
    string Ip,
    IReadOnlyList<DateTimeOffset> RecentFailures,
    DateTimeOffset LastSeen,
    DateTimeOffset? AttackDetectedAt,
    string? ExistingUser,
    string? LastUser);

[RegisterConverter]
internal sealed class SourceStateConverter : IConverter<SourceState, SourceStateSurrogate>
{
    public SourceStateSurrogate ConvertToSurrogate(in SourceState value) =>
        new(value.Ip, value.RecentFailures, value.LastSeen, value.AttackDetectedAt, value.ExistingUser, value.LastUser);

    public SourceState ConvertFromSurrogate(in SourceStateSurrogate surrogate) =>
        new(
            surrogate.Ip, surrogate.RecentFailures, surrogate.LastSeen, surrogate.AttackDetectedAt,
            surrogate.ExistingUser, surrogate.LastUser);
}
