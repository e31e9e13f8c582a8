using CsCheck;
using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>The parser against generated statements: what was written is what is read back.</summary>
public sealed class StatementParserProperties
{
    private const long Iterations = 2_000;

    // Ordinary privileges as a GRANT writes them, with the spellings MariaDB accepts.
    private static readonly (Privileges Privilege, string[] Spellings)[] Grantable =
    [
        (Privileges.Select, ["SELECT", "select"]), (Privileges.Insert, ["INSERT", "Insert"]), (Privileges.Update, ["UPDATE"]),
        (Privileges.Delete, ["DELETE"]), (Privileges.Create, ["CREATE", "create"]), (Privileges.Drop, ["DROP"]),
        (Privileges.Alter, ["ALTER"]), (Privileges.Index, ["INDEX"]), (Privileges.References, ["REFERENCES"]),
        (Privileges.CreateView, ["CREATE VIEW", "create  view"]), (Privileges.ShowView, ["SHOW VIEW"]), (Privileges.Trigger, ["TRIGGER"]),
        (Privileges.Execute, ["EXECUTE"]), (Privileges.Event, ["EVENT"]), (Privileges.LockTables, ["LOCK TABLES", "lock\ttables"]),
        (Privileges.CreateTemporaryTables, ["CREATE TEMPORARY TABLES"]), (Privileges.All, ["ALL", "ALL PRIVILEGES", "all privileges"]),
    ];

    private static readonly Gen<(Privileges, string)> PrivilegeTerm =
        Gen.Int[0, Grantable.Length - 1].SelectMany(i => Gen.OneOf(Grantable[i].Spellings).Select(s => (Grantable[i].Privilege, s)));

    /// <summary>An unquoted name: not starting with a digit, and not a reserved word such as ON.</summary>
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz_0123456789"], 1, 12]
        .Where(n => !char.IsAsciiDigit(n[0]) && !SqlWords.Reserved.Contains(n.AsSpan()));

    /// <summary>Any characters but NUL, backticks included: quoting must carry them all.</summary>
    private static readonly Gen<string> AnyIdentifier = Gen.String[Gen.Char.Where(c => c != '\0'), 1, 20];

    private static readonly Gen<(string Text, GrantLevel Level)> Level = Gen.Frequency(
        (1, Gen.Const(("*.*", GrantLevel.Global))),
        (3, Name.Select(db => ($"{db}.*", new GrantLevel(db, "*")))),
        (2, Gen.Select(Name, Name, (db, t) => ($"`{db}`.`{t}`", new GrantLevel(db, t)))),
        (1, Gen.Const(("*", new GrantLevel(null, "*")))));

    private static readonly Gen<(string Text, Account Account)> Grantee =
        Gen.Select(AnyIdentifier, Gen.OneOf("%", "10.0.0.%", "localhost"), (user, host) => ($"{QuoteString(user)}@'{host}'", new Account(user, host)));

    [Fact]
    public void Generated_GRANT_statements_round_trip_to_the_same_privileges_level_and_grantee() =>
        Gen.Select(PrivilegeTerm.Array[1, 6], Level, Grantee, Gen.Bool).Sample((terms, level, grantee, withGrantOption) =>
        {
            var sql = $"GRANT {string.Join(", ", terms.Select(t => t.Item2))} ON {level.Text} TO {grantee.Text}{(withGrantOption ? " WITH GRANT OPTION" : "")}";
            var expected = terms.Aggregate(withGrantOption ? Privileges.GrantOption : Privileges.None, (all, t) => all | t.Item1);

            var parsed = StatementParser.Parse(sql);

            var grant = Assert.IsType<GrantStatement>(parsed.Statement);
            Assert.Equal(expected, grant.Privileges);
            Assert.Equal(level.Level, grant.Level);
            Assert.Equal(new AccountPassword(grantee.Account, null), grant.Grantees.Single());
        }, iter: Iterations);

    [Fact]
    public void Formatted_privileges_parse_back_to_the_same_set() =>
        Gen.Int[0, (int)Privileges.All].Select(bits => (Privileges)bits).Sample(privileges =>
        {
            var sql = $"GRANT {PrivilegeNames.Format(privileges)} ON *.* TO app";

            Assert.Equal(privileges, Assert.IsType<GrantStatement>(StatementParser.Parse(sql).Statement).Privileges);
        }, iter: Iterations);

    [Fact]
    public void Any_identifier_quoted_with_backticks_parses_to_itself() =>
        Gen.Select(AnyIdentifier, AnyIdentifier).Sample((database, table) =>
        {
            var sql = $"SELECT * FROM {Quote(database)}.{Quote(table)} WHERE 1";

            var parsed = StatementParser.Parse(sql);

            var select = Assert.IsType<TableStatement>(parsed.Statement);
            Assert.Equal(new TableName(database, table), select.Tables.Single().Table);
        }, iter: Iterations);

    [Fact]
    public void Any_text_parses_to_a_statement_or_an_error_without_throwing() =>
        Gen.String[Gen.Char["SELECTFROMGRANTONTO*.,;'`\"()@ =-#/\n\\abcxyz"], 0, 60].Sample(sql =>
        {
            var parsed = StatementParser.Parse(sql);

            Assert.True(parsed.Statement is not null ^ parsed.Error is not null);
            if (parsed.Error is { Code: 1064 } error)
                Assert.Matches("near '.{0,80}' at line [0-9]+$", error.Message.Replace("\n", " ", StringComparison.Ordinal));
        }, iter: 5_000);

    // In a string literal a backslash escapes, so it is doubled along with the quote.
    private static string QuoteString(string text) =>
        $"'{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Quote(string identifier) => $"`{identifier.Replace("`", "``", StringComparison.Ordinal)}`";
}
