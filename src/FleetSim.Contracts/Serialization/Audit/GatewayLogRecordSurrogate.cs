using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Serialization.Audit;

[GenerateSerializer]
internal record struct GatewayLogRecordSurrogate(
    DateTimeOffset Time,
    string Gateway,
    string? Server,
    string Source,
    string User,
    ConnectionReason Reason,
    int Code,
    string? Rule,
    string Region,
    string? Host,
    string? SentSource,
    TlsVersion? Tls,
    string? Database,
    string? App,
    bool? Authenticated);

[RegisterConverter]
internal sealed class GatewayLogRecordConverter : IConverter<GatewayLogRecord, GatewayLogRecordSurrogate>
{
    public GatewayLogRecordSurrogate ConvertToSurrogate(in GatewayLogRecord value) =>
        new(
            value.Time, value.Gateway, value.Server, value.Source, value.User, value.Reason, value.Code,
            value.Rule, value.Region, value.Host, value.SentSource, value.Tls, value.Database, value.App, value.Authenticated);

    public GatewayLogRecord ConvertFromSurrogate(in GatewayLogRecordSurrogate surrogate) =>
        new(
            surrogate.Time, surrogate.Gateway, surrogate.Server, surrogate.Source, surrogate.User,
            surrogate.Reason, surrogate.Code, surrogate.Rule, surrogate.Region, surrogate.Host, surrogate.SentSource,
            surrogate.Tls, surrogate.Database, surrogate.App, surrogate.Authenticated);
}
