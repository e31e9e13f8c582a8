using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>The test double of a server's logins: login -> password, nothing hashed, and the databases each may use.</summary>
internal sealed class Accounts(IReadOnlyDictionary<string, string> passwords) : IAccountDirectory
{
    private readonly HashSet<(string Login, string Database)> _databases = [];
    private string? _administrator;

    /// <summary>The administrator (every database) and the users the server spec declares (the databases of their grants).</summary>
    public static Accounts Of(ServerSpec server)
    {
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [server.AdministratorLogin!] = server.AdministratorLoginPassword!,
        };
        foreach (var user in server.Users)
            passwords[user.Name!] = user.Password!;
        var accounts = new Accounts(passwords) { _administrator = server.AdministratorLogin };
        foreach (var user in server.Users)
            accounts._databases.UnionWith(user.Grants.Select(g => (user.Name!, g.Database!)));
        return accounts;
    }

    public bool Authenticate(string login, string? password, ScrambleProof? proof = null) =>
        passwords.TryGetValue(login, out var expected) && (proof is null
            ? string.Equals(expected, password, StringComparison.Ordinal)
            : proof.Verifies(PasswordHash.Of(expected)));

    public bool MayUseDatabase(string login, string database, out string accountHost)
    {
        accountHost = "%";
        return login == _administrator || _databases.Contains((login, database)) || _databases.Contains((login, "*"));
    }
}
