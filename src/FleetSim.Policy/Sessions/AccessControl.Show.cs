namespace FleetSim.Policy.Sessions;

/// <summary>What SHOW GRANTS and SHOW DATABASES tell a user about its own account.</summary>
public sealed partial class AccessControl
{
    /// <summary>The account's grants as MariaDB 10.3 prints them, global level first; empty for an unknown user.</summary>
    public IReadOnlyList<string> ShowGrants(string user)
    {
        if (!_accounts.TryGetValue(user, out var account))
            return [];
        var to = $"TO '{account.User}'@'{account.Host}'";
        var lines = new List<string>();
        var password = account.Password is { } hash ? $" IDENTIFIED BY PASSWORD '{hash.Text}'" : "";
        lines.Add(Line(account.Global, "*.*", to + password));
        foreach (var (database, privileges) in (account.Databases ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            lines.Add(Line(privileges, $"`{database}`.*", to));
        foreach (var (key, privileges) in (account.Tables ?? []).OrderBy(t => t.Key.Database, StringComparer.Ordinal).ThenBy(t => t.Key.Table, StringComparer.Ordinal))
            lines.Add(Line(privileges, $"`{key.Database}`.`{key.Table}`", to));
        return lines;
    }

    /// <summary>The databases the user holds a privilege on, as SHOW DATABASES lists them (information_schema always).</summary>
    public IReadOnlyList<string> VisibleDatabases(string user)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal) { "information_schema" };
        if (_accounts.TryGetValue(user, out var account))
        {
            names.UnionWith((account.Databases ?? []).Keys);
            names.UnionWith((account.Tables ?? []).Keys.Select(k => k.Database));
        }
        return [.. names];
    }

    private static string Line(Privileges privileges, string on, string to)
    {
        var grantOption = (privileges & Privileges.GrantOption) != 0 ? " WITH GRANT OPTION" : "";
        return $"GRANT {PrivilegeNames.Format(privileges & ~Privileges.GrantOption)} ON {on} {to}{grantOption}";
    }
}
