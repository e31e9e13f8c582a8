namespace FleetSim.Policy.Admission;

/// <summary>The server's logins: the administrator and the users it created.</summary>
public interface IAccountDirectory
{
    /// <summary>True when the login exists and the password is its password.</summary>
    bool Authenticate(string login, string? password);
}
