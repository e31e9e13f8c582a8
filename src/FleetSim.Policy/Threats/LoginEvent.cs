namespace FleetSim.Policy.Threats;

/// <summary>
/// A login as the server saw it, for threat detection: only logins that reached the server (the
/// gateway's refusals never do).
/// </summary>
/// <param name="App">The client's program name (program_name connection attribute), if sent.</param>
/// <param name="ErrorCode">0 when it succeeded; 1045 for a wrong password or unknown user; 1040 when full.</param>
/// <param name="Address">What the fleet knows about the address (<see cref="AddressBook.Lookup(string)"/>).</param>
/// <param name="UserExists">Whether the user is an account of the server, so that a brute force can tell a valid user.</param>
public readonly record struct LoginEvent(
    DateTimeOffset At,
    string Ip,
    string User,
    string? App,
    bool Succeeded,
    int ErrorCode,
    AddressInfo Address,
    bool UserExists)
{
    /// <summary>MariaDB's code for a failed authentication, the failures a brute force is made of.</summary>
    public const int AuthenticationFailed = 1045;

    public bool FailedAuthentication => !Succeeded && ErrorCode == AuthenticationFailed;
}
