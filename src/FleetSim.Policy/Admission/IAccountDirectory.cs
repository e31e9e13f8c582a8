namespace FleetSim.Policy.Admission;

/// <summary>The server's logins: the administrator and the users it created.</summary>
public interface IAccountDirectory
{
    /// <summary>
    /// True when the login exists and the password is its password: given in clear (a simulated
    /// client) or proven by a real client's answer to the login scramble.
    /// </summary>
    bool Authenticate(string login, string? password, ScrambleProof? proof = null);

    /// <summary>
    /// True when the login holds some privilege on the database, as USE requires; the account's
    /// host is what MariaDB names when it refuses.
    /// </summary>
    bool MayUseDatabase(string login, string database, out string accountHost);
}
