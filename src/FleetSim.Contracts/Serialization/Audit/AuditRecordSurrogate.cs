using FleetSim.Policy.Audit;

namespace FleetSim.Contracts.Serialization.Audit;

[GenerateSerializer]
internal record struct AuditRecordSurrogate(
    AuditEventClass EventClass,
    AuditEventSubclass EventSubclass,
    DateTimeOffset EventTime,
    long ConnectionId,
    string Ip,
    string User,
    string? Db,
    string SqlText,
    int ErrorCode,
    string Server,
    string Region);

[RegisterConverter]
internal sealed class AuditRecordConverter : IConverter<AuditRecord, AuditRecordSurrogate>
{
    public AuditRecordSurrogate ConvertToSurrogate(in AuditRecord value) =>
        new(
            value.EventClass, value.EventSubclass, value.EventTime, value.ConnectionId, value.Ip, value.User,
            value.Db, value.SqlText, value.ErrorCode, value.Server, value.Region);

    public AuditRecord ConvertFromSurrogate(in AuditRecordSurrogate surrogate) =>
        new(
            surrogate.EventClass, surrogate.EventSubclass, surrogate.EventTime, surrogate.ConnectionId,
            surrogate.Ip, surrogate.User, surrogate.Db, surrogate.SqlText, surrogate.ErrorCode, surrogate.Server,
            surrogate.Region);
}
