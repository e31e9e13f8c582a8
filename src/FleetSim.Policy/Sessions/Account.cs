namespace FleetSim.Policy.Sessions;

/// <summary>
/// An account as statements name it: 'user'@'host'. [FleetSim rule] A server holds one account
/// per user name; the host part is kept for messages (the administrator's is '%') but does not
/// restrict where the user may connect from: the firewall does that.
/// </summary>
public readonly record struct Account(string User, string Host)
{
    public const string AnyHost = "%";

    public override string ToString() => $"'{User}'@'{Host}'";
}
