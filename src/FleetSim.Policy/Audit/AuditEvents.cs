using System.Diagnostics.CodeAnalysis;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Audit;

/// <summary>
/// The values of audit_log_events, as flags: CONNECTION and one per statement category, with DML
/// and GENERAL as the unions MariaDB defines.
/// </summary>
[Flags]
public enum AuditEvents
{
    None = 0,
    CONNECTION = 1 << 0,
    DML_SELECT = 1 << 1,
    DML_NONSELECT = 1 << 2,
    DDL = 1 << 3,
    DCL = 1 << 4,
    ADMIN = 1 << 5,

    /// <summary>DML_SELECT and DML_NONSELECT.</summary>
    DML = DML_SELECT | DML_NONSELECT,

    /// <summary>Every statement category: all but CONNECTION.</summary>
    GENERAL = DML | DDL | DCL | ADMIN,
}

public static class AuditEventNames
{
    /// <summary>The audit event of a statement of this category.</summary>
    public static AuditEvents ToAuditEvent(this StatementCategory category) => category switch
    {
        StatementCategory.DML_SELECT => AuditEvents.DML_SELECT,
        StatementCategory.DML_NONSELECT => AuditEvents.DML_NONSELECT,
        StatementCategory.DDL => AuditEvents.DDL,
        StatementCategory.DCL => AuditEvents.DCL,
        _ => AuditEvents.ADMIN,
    };

    /// <summary>
    /// Parses audit_log_events: a comma-separated list of the names MariaDB accepts, exactly as spelled
    /// (<see cref="ServerParameters.AuditEventNames"/>). An empty list audits nothing.
    /// </summary>
    public static bool TryParse(string? value, out AuditEvents events, [NotNullWhen(false)] out string? unknown)
    {
        events = AuditEvents.None;
        unknown = null;
        foreach (var name in ServerParameters.SplitList(value))
        {
            if (!ServerParameters.AuditEventNames.Contains(name) || !Enum.TryParse(name, ignoreCase: false, out AuditEvents one))
            {
                unknown = name;
                return false;
            }
            events |= one;
        }
        return true;
    }
}
