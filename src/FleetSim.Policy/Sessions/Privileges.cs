namespace FleetSim.Policy.Sessions;

/// <summary>
/// MariaDB privileges FleetSim models. The first sixteen are the ordinary ones that ALL [PRIVILEGES]
/// stands for [FleetSim rule: ALL means those, the set an administrator can hand out]; CREATE USER
/// and GRANT OPTION are the administrator's extras; SUPER exists only to be refused, since the
/// administrator of the managed service does not hold it.
/// </summary>
[Flags]
public enum Privileges
{
    None = 0,
    Select = 1 << 0,
    Insert = 1 << 1,
    Update = 1 << 2,
    Delete = 1 << 3,
    Create = 1 << 4,
    Drop = 1 << 5,
    Alter = 1 << 6,
    Index = 1 << 7,
    References = 1 << 8,
    CreateView = 1 << 9,
    ShowView = 1 << 10,
    Trigger = 1 << 11,
    Execute = 1 << 12,
    Event = 1 << 13,
    LockTables = 1 << 14,
    CreateTemporaryTables = 1 << 15,

    /// <summary>ALL [PRIVILEGES]: every ordinary privilege above.</summary>
    All = (1 << 16) - 1,

    /// <summary>Global only: CREATE USER, DROP USER, and changing other users' passwords.</summary>
    CreateUser = 1 << 16,

    /// <summary>May grant and revoke, at the level it was granted, the privileges held there.</summary>
    GrantOption = 1 << 17,

    /// <summary>Global only; never held on the managed service (SET GLOBAL needs it).</summary>
    Super = 1 << 18,
}
