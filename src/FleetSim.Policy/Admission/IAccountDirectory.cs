namespace FleetSim.Policy.Admission;

/// <summary>The server's logins: the administrator and the users it created.</summary>
public interface IAccountDirectory
{
    /// <summary>True when the login exists and the password is its password.</summary>
    bool Authenticate(string login, string? password);

    /// <summary>
    /// True when the login holds some privilege on the database, as USE requires; the account's
    /// host is what MariaDB names when it refuses.
    /// </summary>
    bool MayUseDatabase(string login, string database, out string accountHost);
}
