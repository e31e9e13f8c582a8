using FleetSim.Policy.Audit;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.AuditStore;

/// <summary>
/// The audit_log_events category a record is stored with, and the categories a query's event name
/// stands for. Every store uses these, so that `--event` selects the same records from each.
/// </summary>
internal static class EventCategories
{
    /// <summary>Stored with the record: parsing its SQL again on every query would cost more than the column.</summary>
    public static string Of(AuditRecord record) => record.EventClass == AuditEventClass.connection_log
        ? "CONNECTION"
        : StatementParser.Parse(record.SqlText).Category.ToString();

    /// <summary>The stored categories an audit_log_events name selects; null selects every record.</summary>
    /// <exception cref="ArgumentException">Not an audit_log_events name.</exception>
    public static IReadOnlyList<string>? Named(string? name) => name switch
    {
        null => null,
        "DML" => ["DML_SELECT", "DML_NONSELECT"],
        "GENERAL" => ["DML_SELECT", "DML_NONSELECT", "DDL", "DCL", "ADMIN"],
        _ when ServerParameters.AuditEventNames.Contains(name) => [name],
        _ => throw new ArgumentException($"--event: '{name}' is not one of {string.Join(", ", ServerParameters.AuditEventNames)}", nameof(name)),
    };
}
