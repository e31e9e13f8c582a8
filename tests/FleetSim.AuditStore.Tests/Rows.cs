using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.AuditStore.Tests;

/// <summary>Records, decisions and alerts for the tests, with the fields a test does not care about filled in.</summary>
public static class Rows
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    // Whole ticks: AddSeconds(1.001) would land a tick short of the millisecond.
    public static DateTimeOffset At(double seconds) => T0.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    public static AuditRecord Connect(string server, DateTimeOffset at, string user = "app", string ip = "203.0.113.7", int errorCode = 0, long connection = 1) =>
        AuditRecord.Connect(server, "eastus", at, connection, ip, user, "shop", errorCode);

    public static AuditRecord Disconnect(string server, DateTimeOffset at, string user = "app", string ip = "203.0.113.7") =>
        AuditRecord.Disconnect(server, "eastus", at, 1, ip, user, null);

    public static AuditRecord Statement(string server, DateTimeOffset at, string sql, string user = "app", string ip = "203.0.113.7", int errorCode = 0) =>
        new(AuditEventClass.general_log, errorCode == 0 ? AuditEventSubclass.LOG : AuditEventSubclass.ERROR, at, 1, ip, user, "shop", sql, errorCode, server, "eastus");

    public static GatewayLogRecord Decision(string? server, DateTimeOffset at, ConnectionReason reason = ConnectionReason.Allowed, string user = "app@contoso",
        string gateway = "40.71.8.203", string region = "eastus", string? rule = null) =>
        new(at, gateway, server, "internet address 203.0.113.7", user, reason, reason == ConnectionReason.Allowed ? 0 : 9000, rule, region);

    public static SecurityAlert Alert(string server, DateTimeOffset at, ThreatAlertKind kind = ThreatAlertKind.BruteForce, AlertSeverity severity = AlertSeverity.Medium,
        string ip = "198.51.100.7", string user = "dbadmin") =>
        new(kind.Id(), kind, severity, server, ip, user, at, $"{kind} on {server}");
}
