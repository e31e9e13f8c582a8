using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// One account's password hash (as mysql.user keeps it) and grants at the three levels MariaDB keeps: global (*.*),
/// database (db.*) and table (db.table). The lower levels are created on first grant: most
/// accounts have none, so the common check reads one field.
/// </summary>
internal sealed class UserAccount(string user, string host, PasswordHash? password)
{
    public string User { get; } = user;

    public string Host { get; } = host;

    /// <summary>Null for an account created without IDENTIFIED BY: it logs in with an empty password.</summary>
    public PasswordHash? Password { get; set; } = password;

    public Privileges Global { get; set; }

    public Dictionary<string, Privileges>? Databases { get; private set; }

    public Dictionary<TableKey, Privileges>? Tables { get; private set; }

    /// <summary>What the account holds on a database, or on one of its tables.</summary>
    public Privileges On(string database, string? table)
    {
        var held = Global;
        if (Databases is not null && Databases.TryGetValue(database, out var onDatabase))
            held |= onDatabase;
        if (table is not null && Tables is not null && Tables.TryGetValue(new TableKey(database, table), out var onTable))
            held |= onTable;
        return held;
    }

    /// <summary>What the account holds at a resolved level (global, database or table), counting the levels above it.</summary>
    public Privileges At(GrantLevel level) =>
        level.IsGlobal ? Global : On(level.Database!, level.Table == GrantLevel.All ? null : level.Table);

    /// <summary>True when any privilege reaches the database: what USE needs.</summary>
    public bool HasAnyOn(string database)
    {
        if ((Global & ~Privileges.GrantOption) != 0)
            return true;
        if (Databases is not null && Databases.TryGetValue(database, out var onDatabase) && (onDatabase & ~Privileges.GrantOption) != 0)
            return true;
        if (Tables is not null)
        {
            foreach (var (key, privileges) in Tables)
            {
                if (TableKey.Comparer.Equals(key.Database, database) && (privileges & ~Privileges.GrantOption) != 0)
                    return true;
            }
        }
        return false;
    }

    public void Grant(GrantLevel level, Privileges privileges)
    {
        if (level.IsGlobal)
            Global |= privileges;
        else if (level.Table == GrantLevel.All)
        {
            Databases ??= new(TableKey.Comparer);
            Databases[level.Database!] = Databases.GetValueOrDefault(level.Database!) | privileges;
        }
        else
        {
            Tables ??= [];
            var key = new TableKey(level.Database!, level.Table);
            Tables[key] = Tables.GetValueOrDefault(key) | privileges;
        }
    }

    /// <summary>False when the account has no grant at that level (MariaDB's 1141); *.* always exists.</summary>
    public bool Revoke(GrantLevel level, Privileges privileges)
    {
        if (level.IsGlobal)
        {
            Global &= ~privileges;
            return true;
        }
        if (level.Table == GrantLevel.All)
            return Databases is not null && Remove(Databases, level.Database!, privileges);
        return Tables is not null && Remove(Tables, new TableKey(level.Database!, level.Table), privileges);
    }

    public void RevokeAll()
    {
        Global = Privileges.None;
        Databases = null;
        Tables = null;
    }

    // A grant row that loses its last privilege disappears, as in mysql.db.
    private static bool Remove<TKey>(Dictionary<TKey, Privileges> grants, TKey key, Privileges privileges) where TKey : notnull
    {
        if (!grants.TryGetValue(key, out var held))
            return false;
        held &= ~privileges;
        if (held == Privileges.None)
            grants.Remove(key);
        else
            grants[key] = held;
        return true;
    }
}

/// <summary>
/// A table grant's key. [FleetSim rule] Database and table names compare case-insensitively, as on
/// the Windows-hosted service where lower_case_table_names is 1.
/// </summary>
internal readonly record struct TableKey(string Database, string Table)
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public bool Equals(TableKey other) => Comparer.Equals(Database, other.Database) && Comparer.Equals(Table, other.Table);

    public override int GetHashCode() => HashCode.Combine(Comparer.GetHashCode(Database), Comparer.GetHashCode(Table));
}
