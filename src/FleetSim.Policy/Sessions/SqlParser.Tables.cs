namespace FleetSim.Policy.Sessions;

/// <summary>DML and DDL: find the tables a statement touches and what each takes; the rest is skipped.</summary>
internal partial struct SqlParser
{
    private Statement? Select()
    {
        _category = StatementCategory.DML_SELECT;
        if (AtEnd)
            return Fail<Statement>();
        var tables = new List<TableAccess>(1);
        return ScanReads(tables) ? new TableStatement(StatementCategory.DML_SELECT, "SELECT", tables) : null;
    }

    private Statement? Insert(string verb, Privileges privileges)
    {
        _category = StatementCategory.DML_NONSELECT;
        SkipModifiers("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE");
        Keyword("INTO");
        return Target(verb, privileges, StatementCategory.DML_NONSELECT);
    }

    private Statement? Update()
    {
        _category = StatementCategory.DML_NONSELECT;
        SkipModifiers("LOW_PRIORITY", "IGNORE");
        return Target("UPDATE", Privileges.Update, StatementCategory.DML_NONSELECT);
    }

    private Statement? Delete()
    {
        _category = StatementCategory.DML_NONSELECT;
        SkipModifiers("LOW_PRIORITY", "QUICK", "IGNORE");
        return Expect("FROM") ? Target("DELETE", Privileges.Delete, StatementCategory.DML_NONSELECT) : null;
    }

    private TableStatement? Truncate()
    {
        _category = StatementCategory.DDL;
        Keyword("TABLE");
        var table = TableName();
        // MariaDB checks DROP for TRUNCATE: emptying a table is as destructive as dropping it.
        return table is null ? null : new TableStatement(StatementCategory.DDL, "TRUNCATE", [new TableAccess(table.Value, Privileges.Drop)]);
    }

    private Statement? Create()
    {
        if (Keyword("USER"))
            return CreateUser();
        _category = StatementCategory.DDL;
        if (Keyword("DATABASE") || Keyword("SCHEMA"))
            return Database(DatabaseAction.Create, ifClause: true);

        // CREATE OR REPLACE drops what it replaces.
        var replaces = Keyword("OR");
        if (replaces && !Expect("REPLACE"))
            return null;
        var orDrop = replaces ? Privileges.Drop : Privileges.None;
        if (Keyword("TEMPORARY"))
            return Expect("TABLE") && IfNotExists() ? Target("CREATE TABLE", Privileges.CreateTemporaryTables | orDrop, StatementCategory.DDL) : null;
        if (Keyword("TABLE"))
            return IfNotExists() ? Target("CREATE TABLE", Privileges.Create | orDrop, StatementCategory.DDL) : null;
        if (Keyword("VIEW"))
            return View(orDrop);
        if (!replaces && (Keyword("UNIQUE") || Keyword("FULLTEXT") || Keyword("SPATIAL") || IsKeyword("INDEX")))
            return Expect("INDEX") ? Index("CREATE INDEX") : null;
        return Fail<Statement>();
    }

    private Statement? Alter()
    {
        if (Keyword("USER"))
            return AlterUser();
        _category = StatementCategory.DDL;
        if (Keyword("DATABASE") || Keyword("SCHEMA"))
            return Database(DatabaseAction.Alter, ifClause: false);
        SkipModifiers("ONLINE", "IGNORE");
        return Expect("TABLE") ? Target("ALTER TABLE", Privileges.Alter, StatementCategory.DDL) : null;
    }

    private Statement? Drop()
    {
        if (Keyword("USER"))
            return DropUser();
        _category = StatementCategory.DDL;
        if (Keyword("DATABASE") || Keyword("SCHEMA"))
            return Database(DatabaseAction.Drop, ifClause: true);
        if (Keyword("INDEX"))
            return Index("DROP INDEX");
        Keyword("TEMPORARY");
        string verb;
        if (Keyword("TABLE") || Keyword("TABLES"))
            verb = "DROP TABLE";
        else if (Keyword("VIEW"))
            verb = "DROP VIEW";
        else
            return Fail<Statement>();
        if (!IfExists())
            return null;
        var tables = new List<TableAccess>(1);
        do
        {
            if (TableName() is not { } table)
                return null;
            tables.Add(new TableAccess(table, Privileges.Drop));
        }
        while (Symbol(','));
        if (!Keyword("RESTRICT"))
            Keyword("CASCADE");
        return new TableStatement(StatementCategory.DDL, verb, tables);
    }

    private Statement? Database(DatabaseAction action, bool ifClause)
    {
        if (ifClause && !(action == DatabaseAction.Drop ? IfExists() : IfNotExists()))
            return null;
        var database = Identifier();
        if (database is null)
            return null;
        // Options (CHARACTER SET, COLLATE) do not matter to access; ALTER DATABASE needs at least one.
        if (action == DatabaseAction.Alter && AtEnd)
            return Fail<Statement>();
        return action == DatabaseAction.Drop || SkipRest() ? new DatabaseStatement(action, database) : null;
    }

    private Statement? View(Privileges orDrop)
    {
        if (TableName() is not { } view || !Expect("AS"))
            return null;
        var tables = new List<TableAccess>(2) { new(view, Privileges.CreateView | orDrop) };
        return IsKeyword("SELECT") && ScanReads(tables) ? new TableStatement(StatementCategory.DDL, "CREATE VIEW", tables) : Fail<Statement>();
    }

    private TableStatement? Index(string verb)
    {
        if (Identifier() is null || !Expect("ON") || TableName() is not { } table)
            return null;
        return SkipRest() ? new TableStatement(StatementCategory.DDL, verb, [new TableAccess(table, Privileges.Index)]) : null;
    }

    /// <summary>The statement's own table, then the rest of it, which must not be empty, scanned for tables it reads.</summary>
    private Statement? Target(string verb, Privileges privileges, StatementCategory category)
    {
        if (TableName() is not { } table)
            return null;
        if (AtEnd && verb is not ("DELETE" or "ALTER TABLE"))
            return Fail<Statement>();
        var tables = new List<TableAccess>(1) { new(table, privileges) };
        return ScanReads(tables) ? new TableStatement(category, verb, tables) : null;
    }

    private void SkipModifiers(params ReadOnlySpan<string> modifiers)
    {
        for (var i = 0; i < modifiers.Length; i++)
        {
            if (Keyword(modifiers[i]))
                i = -1;
        }
    }

    /// <summary>
    /// Walks the rest of the statement and adds every table named after FROM or JOIN, at any depth
    /// (subqueries too), as read with SELECT. Parentheses must balance. A FROM directly inside a
    /// function call's parentheses, as in EXTRACT(YEAR FROM d) or SUBSTRING(s FROM 2), names no table.
    /// </summary>
    private bool ScanReads(List<TableAccess> tables)
    {
        var depth = 0;
        var functionCalls = 0UL; // bit n: the parenthesis at depth n opened a function call
        var afterName = false;
        while (!AtEnd)
        {
            if (_token.Kind == SqlTokenKind.Unterminated || IsSymbol(';'))
                return Failed();
            var inFunctionCall = depth is > 0 and < 64 && (functionCalls & (1UL << depth)) != 0;
            if (!inFunctionCall && (Keyword("FROM") || Keyword("JOIN") || Keyword("STRAIGHT_JOIN")))
            {
                if (!TableList(tables))
                    return false;
                afterName = false;
                continue;
            }
            if (IsSymbol('('))
            {
                if (++depth < 64)
                    functionCalls = afterName ? functionCalls | (1UL << depth) : functionCalls & ~(1UL << depth);
            }
            else if (IsSymbol(')') && --depth < 0)
                return Failed();
            afterName = _token.Kind == SqlTokenKind.QuotedIdentifier
                || (_token.Kind == SqlTokenKind.Word && !SqlWords.Reserved.Contains(Span(_token)));
            Advance();
        }
        return depth == 0 || Failed();
    }

    /// <summary>t [AS alias] [, t2 [alias]]...; a derived table "(SELECT ...)" is left to the scan.</summary>
    private bool TableList(List<TableAccess> tables)
    {
        do
        {
            if (IsSymbol('('))
                return true;
            if (Keyword("DUAL"))
                return true;
            if (TableName() is not { } table)
                return false;
            tables.Add(new TableAccess(table, Privileges.Select));
            if (Keyword("AS"))
            {
                if (Identifier() is null)
                    return false;
            }
            else if (_token.Kind == SqlTokenKind.QuotedIdentifier
                || (_token.Kind == SqlTokenKind.Word && !SqlWords.Reserved.Contains(Span(_token))))
            {
                Advance();
            }
        }
        while (Symbol(','));
        return true;
    }

    /// <summary>table or db.table.</summary>
    private TableName? TableName()
    {
        var first = Identifier();
        if (first is null)
            return null;
        if (!Symbol('.'))
            return new TableName(null, first);
        var second = Identifier();
        return second is null ? null : new TableName(first, second);
    }
}
