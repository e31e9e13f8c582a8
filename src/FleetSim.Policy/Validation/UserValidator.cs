using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>The users the administrator created, and what they were granted.</summary>
internal static class UserValidator
{
    /// <summary>MariaDB's longest database name.</summary>
    public const int MaxDatabaseNameLength = 64;

    public static void Validate(IReadOnlyList<UserSpec?>? users, string? administratorLogin, SpecPath path, ValidationErrors errors)
    {
        // MariaDB user names are case-sensitive.
        var names = new Dictionary<string, SpecPath>(StringComparer.Ordinal);
        foreach (var (user, at) in errors.Each(users, path))
        {
            ValidateName(user.Name, administratorLogin, at.Property("name"), names, errors);
            LoginRules.ValidatePasswordOrHash(user.Password, user.PasswordHash, at.Property("password"), at.Property("passwordHash"), errors, checkStrength: false);
            foreach (var (grant, grantPath) in errors.Each(user.Grants, at.Property("grants")))
                ValidateGrant(grant, grantPath, errors);
        }
    }

    private static void ValidateName(string? name, string? administratorLogin, SpecPath path, Dictionary<string, SpecPath> names, ValidationErrors errors)
    {
        if (!errors.Required(name, path))
            return;
        if (name == administratorLogin)
            errors.Add(path, $"'{name}' is the administratorLogin; a user needs a name of its own");
        else if (LoginRules.IsReserved(name))
            errors.Add(path, LoginRules.ReservedMessage(name));
        if (name.Contains('@', StringComparison.Ordinal))
            errors.Add(path, $"'{name}' must not contain '@': the gateway reads the server name after it");
        errors.Unique(name, path, names);
    }

    private static void ValidateGrant(GrantSpec grant, SpecPath at, ValidationErrors errors)
    {
        var privilegesPath = at.Property("privileges");
        if (grant.Privileges is { Count: 0 })
            errors.Add(privilegesPath, "at least one privilege is required");
        foreach (var (privilege, privilegePath) in errors.Each(grant.Privileges, privilegesPath))
        {
            if (!GrantPrivileges.Names.Contains(privilege))
                errors.Add(privilegePath, $"'{privilege}' is not a privilege that can be granted; allowed: {string.Join(", ", GrantPrivileges.Listed)}");
        }

        var databasePath = at.Property("database");
        if (errors.Required(grant.Database, databasePath) && !IsDatabase(grant.Database))
            errors.Add(databasePath, $"'{grant.Database}' is not a database name; use a name of at most {MaxDatabaseNameLength} characters without '.', '/', '\\' or '*', or '*' for all databases");
    }

    private static readonly System.Buffers.SearchValues<char> NotInDatabaseName = System.Buffers.SearchValues.Create(".\\/*");

    // GRANT ... ON db.* names the database alone here; "db.*" in this field is a common slip.
    // (The characters searched for are made once: a fleet of 100,000 servers checks a grant each.)
    private static bool IsDatabase(string database) =>
        database == "*" || (database.Length <= MaxDatabaseNameLength && database.Trim() == database
            && database.AsSpan().IndexOfAny(NotInDatabaseName) < 0);
}
