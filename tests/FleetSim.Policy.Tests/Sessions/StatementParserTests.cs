using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>What the parser reads out of a statement: targets for DML and DDL, the full structure of DCL.</summary>
public sealed class StatementParserTests
{
    private static T Parse<T>(string sql) where T : Statement
    {
        var parsed = StatementParser.Parse(sql);
        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        return Assert.IsType<T>(parsed.Statement);
    }

    [Fact]
    public void A_qualified_table_names_its_database_and_an_unqualified_one_leaves_it_to_the_session()
    {
        var select = Parse<TableStatement>("SELECT o.id FROM shop.orders o JOIN customers c ON c.id = o.customer");

        Assert.Equal(
            [new TableAccess(new TableName("shop", "orders"), Privileges.Select), new TableAccess(new TableName(null, "customers"), Privileges.Select)],
            select.Tables);
    }

    [Fact]
    public void Tables_read_by_subqueries_take_SELECT_and_the_target_takes_the_statement_privilege()
    {
        var insert = Parse<TableStatement>("INSERT INTO archive (id) SELECT id FROM orders WHERE id IN (SELECT order_id FROM refunds)");

        Assert.Equal(
            [new TableAccess(new TableName(null, "archive"), Privileges.Insert), new TableAccess(new TableName(null, "orders"), Privileges.Select),
             new TableAccess(new TableName(null, "refunds"), Privileges.Select)],
            insert.Tables);
    }

    [Fact]
    public void FROM_inside_a_function_call_names_no_table()
    {
        var select = Parse<TableStatement>("SELECT EXTRACT(YEAR FROM created), SUBSTRING(name FROM 2) FROM orders");

        Assert.Equal([new TableAccess(new TableName(null, "orders"), Privileges.Select)], select.Tables);
    }

    [Fact]
    public void SELECT_without_a_table_touches_none()
    {
        Assert.Empty(Parse<TableStatement>("SELECT 1 + 1").Tables);
        Assert.Empty(Parse<TableStatement>("SELECT NOW() FROM DUAL").Tables);
    }

    [Theory]
    [InlineData("UPDATE shop.orders SET paid = 1", "UPDATE", Privileges.Update)]
    [InlineData("DELETE FROM shop.orders WHERE id = 1", "DELETE", Privileges.Delete)]
    [InlineData("REPLACE INTO shop.orders VALUES (1)", "REPLACE", Privileges.Insert | Privileges.Delete)]
    [InlineData("CREATE TABLE IF NOT EXISTS shop.orders (id INT)", "CREATE TABLE", Privileges.Create)]
    [InlineData("ALTER TABLE shop.orders ADD COLUMN note TEXT", "ALTER TABLE", Privileges.Alter)]
    [InlineData("DROP TABLE IF EXISTS shop.orders", "DROP TABLE", Privileges.Drop)]
    [InlineData("TRUNCATE shop.orders", "TRUNCATE", Privileges.Drop)]
    [InlineData("CREATE INDEX by_customer ON shop.orders (customer)", "CREATE INDEX", Privileges.Index)]
    public void A_table_statement_names_its_target_and_the_privilege_it_takes(string sql, string verb, Privileges privileges)
    {
        var statement = Parse<TableStatement>(sql);

        Assert.Equal(verb, statement.Verb);
        Assert.Equal(new TableAccess(new TableName("shop", "orders"), privileges), statement.Tables[0]);
    }

    [Fact]
    public void USE_and_database_DDL_name_the_database()
    {
        Assert.Equal(new DatabaseStatement(DatabaseAction.Use, "shop"), Parse<DatabaseStatement>("USE shop"));
        Assert.Equal(new DatabaseStatement(DatabaseAction.Create, "shop"), Parse<DatabaseStatement>("CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4"));
        Assert.Equal(new DatabaseStatement(DatabaseAction.Drop, "shop"), Parse<DatabaseStatement>("DROP SCHEMA IF EXISTS shop"));
    }

    [Fact]
    public void CREATE_USER_reads_the_account_and_its_password()
    {
        var create = Parse<CreateUserStatement>("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'");

        Assert.Equal([new AccountPassword(new Account("app", "%"), "S3cret!pw")], create.Accounts);
        Assert.False(create.IfNotExists);
    }

    [Fact]
    public void DROP_USER_reads_every_account()
    {
        var drop = Parse<DropUserStatement>("DROP USER IF EXISTS 'app'@'%', reporting");

        Assert.Equal([new Account("app", "%"), new Account("reporting", "%")], drop.Accounts);
        Assert.True(drop.IfExists);
    }

    [Theory]
    [InlineData("GRANT SELECT, INSERT ON shop.* TO 'app'@'%'", Privileges.Select | Privileges.Insert, "shop", "*")]
    [InlineData("GRANT ALL PRIVILEGES ON shop.orders TO 'app'@'%'", Privileges.All, "shop", "orders")]
    [InlineData("GRANT ALL ON *.* TO 'app'@'%' WITH GRANT OPTION", Privileges.All | Privileges.GrantOption, "*", "*")]
    [InlineData("grant create view, show view, lock tables, create temporary tables on `shop`.* to `app`@`%`",
        Privileges.CreateView | Privileges.ShowView | Privileges.LockTables | Privileges.CreateTemporaryTables, "shop", "*")]
    public void GRANT_reads_privileges_level_and_grantee(string sql, Privileges privileges, string database, string table)
    {
        var grant = Parse<GrantStatement>(sql);

        Assert.Equal(privileges, grant.Privileges);
        Assert.Equal(new GrantLevel(database, table), grant.Level);
        Assert.Equal(new Account("app", "%"), grant.Grantees.Single().Account);
    }

    [Fact]
    public void GRANT_ON_star_or_a_bare_table_means_the_current_database()
    {
        Assert.Equal(new GrantLevel(null, "*"), Parse<GrantStatement>("GRANT SELECT ON * TO app").Level);
        Assert.Equal(new GrantLevel(null, "orders"), Parse<GrantStatement>("GRANT SELECT ON orders TO app").Level);
    }

    [Fact]
    public void REVOKE_reads_privileges_level_and_accounts()
    {
        var revoke = Parse<RevokeStatement>("REVOKE INSERT ON shop.* FROM 'app'@'%'");

        Assert.Equal(Privileges.Insert, revoke.Privileges);
        Assert.Equal(new GrantLevel("shop", "*"), revoke.Level);
        Assert.Equal([new Account("app", "%")], revoke.Grantees);
        Assert.Null(Parse<RevokeStatement>("REVOKE ALL PRIVILEGES, GRANT OPTION FROM 'app'@'%'").Level);
    }

    [Theory]
    [InlineData("SET PASSWORD FOR 'app'@'%' = PASSWORD('N3w!pass')")]
    [InlineData("SET PASSWORD FOR 'app'@'%' = 'N3w!pass'")]
    public void SET_PASSWORD_reads_the_account_and_the_new_password(string sql)
    {
        Assert.Equal(new SetPasswordStatement(new Account("app", "%"), "N3w!pass"), Parse<SetPasswordStatement>(sql));
    }

    [Fact]
    public void SET_PASSWORD_without_FOR_is_the_sessions_own()
    {
        Assert.Null(Parse<SetPasswordStatement>("SET PASSWORD = PASSWORD('N3w!pass')").For);
    }

    [Fact]
    public void Backtick_identifiers_may_hold_spaces_reserved_words_and_doubled_backticks()
    {
        var select = Parse<TableStatement>("SELECT * FROM `my db`.`select``s`");

        Assert.Equal(new TableName("my db", "select`s"), select.Tables[0].Table);
    }

    [Fact]
    public void String_literals_undo_doubled_quotes_and_backslash_escapes()
    {
        var create = Parse<CreateUserStatement>(@"CREATE USER 'o''brien'@'%' IDENTIFIED BY 'it\'s\\ok'");

        Assert.Equal(new AccountPassword(new Account("o'brien", "%"), @"it's\ok"), create.Accounts[0]);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_a_trailing_semicolon_is_allowed()
    {
        var grant = Parse<GrantStatement>("  gRaNt select oN shop.* tO 'app'@'%' ;  ");

        Assert.Equal(Privileges.Select, grant.Privileges);
        Assert.Equal(new GrantLevel("shop", "*"), grant.Level);
        Assert.Equal(new Account("app", "%"), grant.Grantees.Single().Account);
    }

    [Fact]
    public void Comments_are_skipped()
    {
        var select = Parse<TableStatement>("SELECT /* all */ * FROM -- the table\n orders # done");

        Assert.Equal(new TableName(null, "orders"), select.Tables.Single().Table);
    }

    [Fact]
    public void A_syntax_error_is_1064_quoting_the_rest_of_the_statement_from_the_error()
    {
        var parsed = StatementParser.Parse("SELECT * FROM WHERE id = 1");

        Assert.Equal(new SqlError(1064, "42000",
            "You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near 'WHERE id = 1' at line 1"),
            parsed.Error);
    }

    [Fact]
    public void A_syntax_error_quotes_at_most_80_characters()
    {
        var rest = new string('x', 100);

        var parsed = StatementParser.Parse($"SELEC {rest}");

        Assert.Contains($"near 'SELEC {rest[..74]}' at line 1", parsed.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_at_the_end_quotes_nothing_and_names_its_line()
    {
        var parsed = StatementParser.Parse("SELECT *\nFROM");

        Assert.EndsWith("near '' at line 2", parsed.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 'unterminated")]
    [InlineData("SELECT (1")]
    [InlineData("SELECT 1)")]
    [InlineData("GRANT SELECT ON shop.* TO")]
    [InlineData("GRANT SELEC ON shop.* TO app")]
    [InlineData("CREATE USER 'app'@'%' IDENTIFIED 'pw'")]
    [InlineData("DROP USER")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("INSERT INTO orders")]
    public void Malformed_statements_are_1064(string sql)
    {
        Assert.Equal(1064, StatementParser.Parse(sql).Error?.Code);
    }

    [Fact]
    public void An_empty_statement_is_1065()
    {
        Assert.Equal(new SqlError(1065, "42000", "Query was empty"), StatementParser.Parse(" ; ").Error);
    }

    [Fact]
    public void Password_literals_are_hidden_from_the_audit_text()
    {
        Assert.Equal("CREATE USER 'app'@'%' IDENTIFIED BY *****", StatementParser.Parse("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'").AuditText);
        Assert.Equal("SET PASSWORD = PASSWORD(*****)", StatementParser.Parse("SET PASSWORD = PASSWORD('S3cret!pw')").AuditText);
        Assert.Equal("SELECT 'S3cret!pw'", StatementParser.Parse("SELECT 'S3cret!pw'").AuditText);
    }
}
