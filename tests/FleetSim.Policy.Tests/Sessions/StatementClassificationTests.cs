using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>Each statement falls in the audit_log_events category MariaDB's audit puts it in.</summary>
public sealed class StatementClassificationTests
{
    [Theory]
    [InlineData("SELECT * FROM orders", StatementCategory.DML_SELECT)]
    [InlineData("select 1", StatementCategory.DML_SELECT)]
    [InlineData("INSERT INTO orders VALUES (1)", StatementCategory.DML_NONSELECT)]
    [InlineData("UPDATE orders SET paid = 1", StatementCategory.DML_NONSELECT)]
    [InlineData("DELETE FROM orders", StatementCategory.DML_NONSELECT)]
    [InlineData("REPLACE INTO orders VALUES (1)", StatementCategory.DML_NONSELECT)]
    [InlineData("CREATE TABLE orders (id INT)", StatementCategory.DDL)]
    [InlineData("ALTER TABLE orders ADD note TEXT", StatementCategory.DDL)]
    [InlineData("DROP TABLE orders", StatementCategory.DDL)]
    [InlineData("TRUNCATE TABLE orders", StatementCategory.DDL)]
    [InlineData("CREATE DATABASE shop", StatementCategory.DDL)]
    [InlineData("DROP DATABASE shop", StatementCategory.DDL)]
    [InlineData("GRANT SELECT ON shop.* TO 'app'@'%'", StatementCategory.DCL)]
    [InlineData("REVOKE SELECT ON shop.* FROM 'app'@'%'", StatementCategory.DCL)]
    [InlineData("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'", StatementCategory.DCL)]
    [InlineData("DROP USER 'app'@'%'", StatementCategory.DCL)]
    [InlineData("SET PASSWORD FOR 'app'@'%' = PASSWORD('S3cret!pw')", StatementCategory.DCL)]
    [InlineData("SHOW TABLES", StatementCategory.ADMIN)]
    [InlineData("SET NAMES utf8mb4", StatementCategory.ADMIN)]
    [InlineData("USE shop", StatementCategory.ADMIN)]
    [InlineData("FLUSH PRIVILEGES", StatementCategory.ADMIN)]
    public void Each_statement_is_classified_as_audit_log_events_names_it(string sql, StatementCategory category)
    {
        var parsed = StatementParser.Parse(sql);

        Assert.True(parsed.Succeeded, parsed.Error?.Message);
        Assert.Equal(category, parsed.Category);
        Assert.Equal(category, parsed.Statement!.Category);
    }

    [Fact]
    public void A_statement_with_a_syntax_error_keeps_the_category_of_its_leading_keywords()
    {
        Assert.Equal(StatementCategory.DML_SELECT, StatementParser.Parse("SELECT * FROM").Category);
        Assert.Equal(StatementCategory.DCL, StatementParser.Parse("GRANT SELEC ON x.* TO u").Category);
        Assert.Equal(StatementCategory.ADMIN, StatementParser.Parse("FROBNICATE everything").Category);
    }
}
