namespace FleetSim.Policy.Sessions;

/// <summary>
/// Where a GRANT or REVOKE applies: *.* (Database "*"), db.* (Table "*"), db.table; Database is
/// null for "*" and "table", which mean the current database.
/// </summary>
public readonly record struct GrantLevel(string? Database, string Table)
{
    public const string All = "*";

    public static readonly GrantLevel Global = new(All, All);

    public bool IsGlobal => Database == All;

    public bool IsDatabase => Database != All && Table == All;

    /// <summary>The level with the current database filled in, or null when it needs one and there is none.</summary>
    public GrantLevel? Resolve(string? currentDatabase) =>
        Database is not null ? this : currentDatabase is null ? null : this with { Database = currentDatabase };

    public override string ToString() => $"{Database ?? "(current)"}.{Table}";
}
