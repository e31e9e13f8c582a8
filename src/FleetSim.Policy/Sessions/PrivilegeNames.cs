using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace FleetSim.Policy.Sessions;

/// <summary>Privileges as SQL spells them: SELECT, CREATE VIEW, GRANT OPTION.</summary>
public static class PrivilegeNames
{
    // In MariaDB's order, which is also the order a denial names the first missing privilege in.
    private static readonly (Privileges Privilege, string Name)[] Names =
    [
        (Privileges.Select, "SELECT"), (Privileges.Insert, "INSERT"), (Privileges.Update, "UPDATE"),
        (Privileges.Delete, "DELETE"), (Privileges.Create, "CREATE"), (Privileges.Drop, "DROP"),
        (Privileges.Alter, "ALTER"), (Privileges.Index, "INDEX"), (Privileges.References, "REFERENCES"),
        (Privileges.CreateView, "CREATE VIEW"), (Privileges.ShowView, "SHOW VIEW"), (Privileges.Trigger, "TRIGGER"),
        (Privileges.Execute, "EXECUTE"), (Privileges.Event, "EVENT"), (Privileges.LockTables, "LOCK TABLES"),
        (Privileges.CreateTemporaryTables, "CREATE TEMPORARY TABLES"), (Privileges.CreateUser, "CREATE USER"),
        (Privileges.GrantOption, "GRANT OPTION"), (Privileges.Super, "SUPER"),
    ];

    /// <summary>Privileges that exist only at the global level (ON *.*).</summary>
    public const Privileges GlobalOnly = Privileges.CreateUser | Privileges.Super;

    /// <summary>The name of one privilege; for a set, the name of its first member.</summary>
    public static string Name(Privileges privilege)
    {
        foreach (var (candidate, name) in Names)
        {
            if ((privilege & candidate) != 0)
                return name;
        }
        return "USAGE";
    }

    /// <summary>A set as a GRANT statement lists it: "SELECT, INSERT", "ALL PRIVILEGES, GRANT OPTION", or USAGE for none.</summary>
    public static string Format(Privileges privileges)
    {
        if (privileges == Privileges.None)
            return "USAGE";
        var text = new StringBuilder();
        var rest = privileges;
        if ((privileges & Privileges.All) == Privileges.All)
        {
            text.Append("ALL PRIVILEGES");
            rest &= ~Privileges.All;
        }
        foreach (var (privilege, name) in Names)
        {
            if ((rest & privilege) == 0)
                continue;
            if (text.Length > 0)
                text.Append(", ");
            text.Append(name);
        }
        return text.ToString();
    }

    /// <summary>The names of each member, in MariaDB's order; ALL is spelled out.</summary>
    public static IEnumerable<string> Each(Privileges privileges) =>
        Names.Where(n => (privileges & n.Privilege) != 0).Select(n => n.Name);

    /// <summary>One privilege or ALL [PRIVILEGES], case-insensitive, words separated by any spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Privileges privilege)
    {
        privilege = Privileges.None;
        if (text is null)
            return false;
        var normal = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (normal.Equals("ALL", StringComparison.OrdinalIgnoreCase) || normal.Equals("ALL PRIVILEGES", StringComparison.OrdinalIgnoreCase))
        {
            privilege = Privileges.All;
            return true;
        }
        foreach (var (candidate, name) in Names)
        {
            if (name.Equals(normal, StringComparison.OrdinalIgnoreCase))
            {
                privilege = candidate;
                return true;
            }
        }
        return false;
    }

    public static Privileges Parse(string? text) =>
        TryParse(text, out var privilege) ? privilege : throw new FormatException($"'{text}' is not a privilege");
}
