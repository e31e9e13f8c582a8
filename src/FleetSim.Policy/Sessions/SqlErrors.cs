using System.Globalization;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// The errors statements get, with MariaDB's codes, SQLSTATEs and texts. Where MariaDB has none for
/// a FleetSim restriction, the closest real error is reused and marked.
/// </summary>
public static class SqlErrors
{
    /// <summary>How much of the rest of the statement a syntax error quotes.</summary>
    public const int SyntaxErrorQuoteLength = 80;

    public static SqlError Syntax(string near, int line) =>
        new(1064, "42000", string.Create(CultureInfo.InvariantCulture,
            $"You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '{Cut(near)}' at line {line}"));

    public static readonly SqlError EmptyQuery = new(1065, "42000", "Query was empty");

    public static readonly SqlError NoDatabaseSelected = new(1046, "3D000", "No database selected");

    /// <summary>The command word is the first privilege missing, so TRUNCATE is denied as DROP.</summary>
    public static SqlError TableAccessDenied(Privileges missing, string user, string clientIp, string table) =>
        TableAccessDenied(PrivilegeNames.Name(missing), user, clientIp, table);

    /// <summary>1142 with an explicit command word: GRANT for a table-level GRANT or REVOKE.</summary>
    public static SqlError TableAccessDenied(string command, string user, string clientIp, string table) =>
        new(1142, "42000", $"{command} command denied to user '{user}'@'{clientIp}' for table '{table}'");

    /// <summary>The same refusal a login naming the database gets (one text, in ConnectionErrors).</summary>
    public static SqlError DatabaseAccessDenied(string user, string accountHost, string database) =>
        new(1044, "42000", Decisions.ConnectionErrors.DatabaseAccessDenied(user, accountHost, database).Message);

    /// <summary>
    /// A statement in a session the server ended (stopped, deleted, its key lost): MariaDB's answer
    /// to a statement on a killed connection.
    /// </summary>
    public static readonly SqlError ConnectionKilled = new(1927, "70100", "Connection was killed");

    /// <summary>A GRANT or REVOKE ON *.* beyond the grantor's own privileges.</summary>
    public static SqlError AccessDenied(string user, string accountHost) =>
        new(1045, "28000", $"Access denied for user '{user}'@'{accountHost}' (using password: YES)");

    public static SqlError SpecificAccessDenied(Privileges needed) =>
        new(1227, "42000", $"Access denied; you need (at least one of) the {PrivilegeNames.Name(needed)} privilege(s) for this operation");

    /// <summary>CREATE USER of an existing account, DROP USER of a missing one; every failed account is listed.</summary>
    public static SqlError OperationFailed(string operation, IEnumerable<Account> accounts) =>
        new(1396, "HY000", $"Operation {operation} failed for {string.Join(',', accounts)}");

    /// <summary>GRANT to, or SET PASSWORD for, an account that does not exist.</summary>
    public static readonly SqlError NoMatchingUser = new(1133, "28000", "Can't find any matching row in the user table");

    public static SqlError NoSuchGrant(Account account) =>
        new(1141, "42000", $"There is no such grant defined for user '{account.User}' on host '{account.Host}'");

    /// <summary>CREATE USER or SUPER granted on a database or table rather than *.*.</summary>
    public static readonly SqlError GlobalPrivilegeOnDatabase = new(1221, "HY000", "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES");

    private static string Cut(string text) => text.Length <= SyntaxErrorQuoteLength ? text : text[..SyntaxErrorQuoteLength];
}
