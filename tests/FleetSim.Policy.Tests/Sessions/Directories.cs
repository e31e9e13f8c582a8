using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>
/// A server's accounts for session tests: the administrator, plus whatever a test creates.
/// </summary>
internal static class Directories
{
    public const string ClientIp = Clients.InternetIp;

    public static AccessControl AdminOnly() =>
        new(Servers.AdminLogin, PasswordHash.Of(Servers.AdminPassword));

    /// <summary>The administrator runs each statement, which must succeed: the setup of a test.</summary>
    public static AccessControl With(params string[] statements)
    {
        var access = AdminOnly();
        var admin = AdminSession(access);
        foreach (var sql in statements)
        {
            var outcome = admin.Execute(sql);
            Assert.True(outcome.Succeeded, $"setup '{sql}' failed: {outcome.Error}");
        }
        return access;
    }

    public static Session AdminSession(AccessControl access, string? database = null) =>
        new(access, 1, Servers.AdminLogin, ClientIp, database);

    public static Session SessionOf(AccessControl access, string user, string? database = null) =>
        new(access, 2, user, ClientIp, database);
}
