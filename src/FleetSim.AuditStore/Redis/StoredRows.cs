using System.Text.Json.Serialization;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.AuditStore.Redis;

// How each log's rows are kept in stream entries: the SQLite store's columns, mapped the same way
// (enums by name, times as Unix milliseconds, the record's event category computed once), so that
// both stores give back equal records. Names are short because a log holds millions of entries.

internal sealed record StoredRecord(
    [property: JsonPropertyName("c")] string EventClass,
    [property: JsonPropertyName("s")] string EventSubclass,
    [property: JsonPropertyName("e")] string Event,
    [property: JsonPropertyName("t")] long Time,
    [property: JsonPropertyName("n")] long ConnectionId,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("u")] string User,
    [property: JsonPropertyName("db")] string? Db,
    [property: JsonPropertyName("q")] string SqlText,
    [property: JsonPropertyName("err")] int ErrorCode,
    [property: JsonPropertyName("sv")] string Server,
    [property: JsonPropertyName("rg")] string Region)
{
    public static StoredRecord From(AuditRecord r) => new(
        r.EventClass.ToString(), r.EventSubclass.ToString(), EventCategories.Of(r), r.EventTime.ToUnixTimeMilliseconds(), r.ConnectionId,
        Columns.Required(r.Ip, "audit record", "ip"), Columns.Required(r.User, "audit record", "user"), r.Db,
        Columns.Required(r.SqlText, "audit record", "sql_text"), r.ErrorCode,
        Columns.Required(r.Server, "audit record", "server"), Columns.Required(r.Region, "audit record", "region"));

    public AuditRecord ToRecord() => new(
        Enum.Parse<AuditEventClass>(EventClass), Enum.Parse<AuditEventSubclass>(EventSubclass), DateTimeOffset.FromUnixTimeMilliseconds(Time),
        ConnectionId, Ip, User, Db, SqlText, ErrorCode, Server, Region);
}

internal sealed record StoredDecision(
    [property: JsonPropertyName("t")] long Time,
    [property: JsonPropertyName("gw")] string Gateway,
    [property: JsonPropertyName("sv")] string? Server,
    [property: JsonPropertyName("src")] string Source,
    [property: JsonPropertyName("u")] string User,
    [property: JsonPropertyName("r")] string Reason,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("rule")] string? Rule,
    [property: JsonPropertyName("rg")] string Region,
    [property: JsonPropertyName("h")] string? Host = null,
    [property: JsonPropertyName("ss")] string? SentSource = null,
    [property: JsonPropertyName("tls")] string? Tls = null,
    [property: JsonPropertyName("db")] string? Database = null,
    [property: JsonPropertyName("app")] string? App = null,
    [property: JsonPropertyName("au")] bool? Authenticated = null)
{
    public static StoredDecision From(GatewayLogRecord d) => new(
        d.Time.ToUnixTimeMilliseconds(), Columns.Required(d.Gateway, "gateway decision", "gateway"), d.Server,
        Columns.Required(d.Source, "gateway decision", "source"), Columns.Required(d.User, "gateway decision", "user"),
        d.Reason.ToString(), d.Code, d.Rule, Columns.Required(d.Region, "gateway decision", "region"),
        d.Host, d.SentSource, d.Tls?.ToOffered(), d.Database, d.App, d.Authenticated);

    public GatewayLogRecord ToRecord() => new(
        DateTimeOffset.FromUnixTimeMilliseconds(Time), Gateway, Server, Source, User, Enum.Parse<ConnectionReason>(Reason), Code, Rule, Region,
        Host, SentSource, Tls is null ? null : TlsVersions.ParseOffered(Tls), Database, App, Authenticated);
}

internal sealed record StoredAlert(
    [property: JsonPropertyName("a")] string AlertType,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("sev")] string Severity,
    [property: JsonPropertyName("sv")] string Server,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("u")] string User,
    [property: JsonPropertyName("t")] long Time,
    [property: JsonPropertyName("d")] string Description)
{
    public static StoredAlert From(SecurityAlert a) => new(
        Columns.Required(a.AlertType, "alert", "alert_type"), a.Kind.ToString(), a.Severity.ToString(), Columns.Required(a.Server, "alert", "server"),
        Columns.Required(a.Ip, "alert", "ip"), Columns.Required(a.User, "alert", "user"), a.At.ToUnixTimeMilliseconds(),
        Columns.Required(a.Description, "alert", "description"));

    public SecurityAlert ToRecord() => new(
        AlertType, Enum.Parse<ThreatAlertKind>(Kind), Enum.Parse<AlertSeverity>(Severity), Server, Ip, User, DateTimeOffset.FromUnixTimeMilliseconds(Time), Description);
}

/// <summary>The SQLite schema's NOT NULL columns: a batch with a null there is refused whole, as SQLite refuses it.</summary>
internal static class Columns
{
    public static string Required(string? value, string row, string column) =>
        value ?? throw new ArgumentException($"{row}: {column} is null; the audit store keeps no {row} without one", column);
}
