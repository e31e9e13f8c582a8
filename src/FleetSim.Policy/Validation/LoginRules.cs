using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Validation;

/// <summary>The real service's rules for login names and the administrator's password.</summary>
internal static class LoginRules
{
    public static readonly IReadOnlyList<string> Reserved = ["azure_superuser", "admin", "administrator", "root", "guest", "public"];

    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;

    public static bool IsReserved(string login) => Reserved.Contains(login, StringComparer.OrdinalIgnoreCase);

    public static string ReservedMessage(string login) =>
        $"'{login}' is reserved; not allowed: {string.Join(", ", Reserved)} (in any case)";

    public static void ValidateAdministrator(string? login, SpecPath path, ValidationErrors errors)
    {
        if (!errors.Required(login, path))
            return;
        if (IsReserved(login))
            errors.Add(path, ReservedMessage(login));
        // The gateway reads user@server from the login packet, so '@' in a login would misroute it.
        if (login.Contains('@', StringComparison.Ordinal) || login.Any(char.IsWhiteSpace))
            errors.Add(path, $"'{login}' must not contain '@' or whitespace");
    }

    /// <summary>
    /// A password is given in clear or as its hash, once: a clear one must meet the service's rules,
    /// a hash (what the directory keeps, what a restore carries) must be one MariaDB could hold.
    /// </summary>
    public static void ValidatePasswordOrHash(string? password, string? hash, SpecPath passwordPath, SpecPath hashPath,
        ValidationErrors errors, bool checkStrength)
    {
        if (password is not null && hash is not null)
            errors.Add(hashPath, "give the password or its hash, not both");
        else if (hash is not null)
            ValidateHash(hash, hashPath, errors);
        else if (checkStrength)
            ValidatePassword(password, passwordPath, errors);
        else if (string.IsNullOrEmpty(password))
            errors.Add(passwordPath, "is required");
    }

    private static void ValidateHash(string hash, SpecPath path, ValidationErrors errors)
    {
        if (!PasswordHash.TryParse(hash, out _))
            errors.Add(path, "is not a mysql_native_password hash: '*' followed by 40 hex digits, as in mysql.user");
    }

    /// <summary>Checks length and character classes; the message never repeats the password.</summary>
    public static void ValidatePassword(string? password, SpecPath path, ValidationErrors errors)
    {
        if (password is null)
        {
            errors.Add(path, "is required");
            return;
        }
        if (password.Length is < MinPasswordLength or > MaxPasswordLength)
            errors.Add(path, $"must be {MinPasswordLength}-{MaxPasswordLength} characters; it has {password.Length}");

        var categories = CharacterCategories(password);
        if (categories.Count < 3)
        {
            var has = categories.Count == 0 ? "none" : string.Join(", ", categories);
            errors.Add(path, $"must contain characters from at least 3 of: upper case, lower case, digits, non-alphanumeric; it has {has}");
        }
    }

    private static List<string> CharacterCategories(string password)
    {
        var categories = new List<string>(4);
        if (password.Any(char.IsAsciiLetterUpper))
            categories.Add("upper case");
        if (password.Any(char.IsAsciiLetterLower))
            categories.Add("lower case");
        if (password.Any(char.IsAsciiDigit))
            categories.Add("digits");
        if (password.Any(c => !char.IsAsciiLetterOrDigit(c)))
            categories.Add("non-alphanumeric");
        return categories;
    }
}
