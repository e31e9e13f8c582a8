using CsCheck;
using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>Sessions against statements stitched from SQL's own words, so that most of them almost parse.</summary>
public sealed class SessionProperties
{
    private static readonly string[] Words =
    [
        "SELECT", "FROM", "JOIN", "INSERT", "INTO", "VALUES", "UPDATE", "SET", "DELETE", "CREATE", "ALTER", "DROP", "TRUNCATE",
        "TABLE", "DATABASE", "USER", "GRANT", "REVOKE", "ALL", "PRIVILEGES", "ON", "TO", "WITH", "OPTION", "IDENTIFIED", "BY",
        "PASSWORD", "PASSWORD('Pw!12345')", "FOR", "USE", "SHOW", "IF", "EXISTS", "NOT", "GLOBAL", "*", ".", ",", "(", ")", "=",
        "'app'@'%'", "'ops'@'%'", "app", "`shop`", "shop", "orders", "'Pw!12345'", "1", "SELECT", "INSERT", "CREATE VIEW", "AS",
    ];

    [Fact]
    public void Any_statement_ends_in_an_outcome_for_the_administrator_and_for_a_plain_user() =>
        Gen.OneOf(Words).Array[1, 12].Select(words => string.Join(' ', words)).Array[1, 8].Sample(statements =>
        {
            var access = Directories.With("CREATE USER app IDENTIFIED BY 'Pw!12345'", "GRANT SELECT ON shop.* TO app WITH GRANT OPTION");
            var sessions = new[] { Directories.AdminSession(access), Directories.SessionOf(access, "app", "shop") };

            foreach (var sql in statements)
            {
                foreach (var session in sessions)
                {
                    var outcome = session.Execute(sql);
                    Assert.Equal(outcome.Succeeded, outcome.ErrorCode == 0);
                }
            }
            // No generated statement names the administrator, who cannot be dropped anyway.
            Assert.Equal(AccessControl.AdministratorPrivileges, access.GlobalPrivileges(access.AdministratorLogin));
        }, iter: 1_000);
}
