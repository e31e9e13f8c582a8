using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>The test double of a server's logins: login -> password, nothing hashed.</summary>
internal sealed class Accounts(IReadOnlyDictionary<string, string> passwords) : IAccountDirectory
{
    /// <summary>The administrator and the users the server spec declares.</summary>
    public static Accounts Of(ServerSpec server)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [server.AdministratorLogin!] = server.AdministratorLoginPassword!,
        };
        foreach (var user in server.Users)
            passwords[user.Name!] = user.Password!;
        return new Accounts(passwords);
    }

    public bool Authenticate(string login, string? password) =>
        passwords.TryGetValue(login, out var expected) && string.Equals(expected, password, StringComparison.Ordinal);
}
