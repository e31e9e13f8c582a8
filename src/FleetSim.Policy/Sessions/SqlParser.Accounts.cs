namespace FleetSim.Policy.Sessions;

/// <summary>DCL, parsed in full: accounts, passwords, privilege lists and grant levels.</summary>
internal partial struct SqlParser
{
    private CreateUserStatement? CreateUser()
    {
        _category = StatementCategory.DCL;
        var ifNotExists = IsKeyword("IF");
        return IfNotExists() && AccountPasswords(requirePassword: false) is { } accounts ? new CreateUserStatement(accounts, ifNotExists) : null;
    }

    private AlterUserStatement? AlterUser()
    {
        _category = StatementCategory.DCL;
        var ifExists = IsKeyword("IF");
        return IfExists() && AccountPasswords(requirePassword: true) is { } accounts ? new AlterUserStatement(accounts, ifExists) : null;
    }

    private DropUserStatement? DropUser()
    {
        _category = StatementCategory.DCL;
        var ifExists = IsKeyword("IF");
        return IfExists() && Accounts() is { } accounts ? new DropUserStatement(accounts, ifExists) : null;
    }

    private GrantStatement? Grant()
    {
        _category = StatementCategory.DCL;
        if (PrivilegeList() is not { } privileges || !Expect("ON") || GrantTarget() is not { } level
            || !Expect("TO") || AccountPasswords(requirePassword: false) is not { } grantees)
            return null;
        if (Keyword("WITH"))
        {
            if (!Expect("GRANT") || !Expect("OPTION"))
                return null;
            privileges |= Privileges.GrantOption;
        }
        return new GrantStatement(privileges, level, grantees);
    }

    private Statement? Revoke()
    {
        _category = StatementCategory.DCL;
        if (PrivilegeList() is not { } privileges)
            return null;
        if (Keyword("ON"))
        {
            return GrantTarget() is { } level && Expect("FROM") && Accounts() is { } grantees
                ? new RevokeStatement(privileges, level, grantees)
                : null;
        }
        // REVOKE ALL PRIVILEGES, GRANT OPTION FROM ...: the one form without ON, which clears every level.
        if (privileges == (Privileges.All | Privileges.GrantOption) && Keyword("FROM"))
            return Accounts() is { } all ? new RevokeStatement(privileges, null, all) : null;
        return Fail<Statement>();
    }

    private SetPasswordStatement? SetPassword()
    {
        _category = StatementCategory.DCL;
        Account? target = null;
        if (Keyword("FOR"))
        {
            if (Account() is not { } account)
                return null;
            target = account;
        }
        if (!ExpectSymbol('='))
            return null;
        string? password;
        if (Keyword("PASSWORD"))
            password = ExpectSymbol('(') && StringLiteral(secret: true) is { } value && ExpectSymbol(')') ? value : null;
        else
            password = StringLiteral(secret: true);
        return password is null ? null : new SetPasswordStatement(target, password);
    }

    /// <summary>'user'@'host', with user and host as strings, `quoted` or bare names; the host defaults to '%'.</summary>
    private Account? Account()
    {
        var user = AccountPart();
        if (user is null)
            return null;
        if (!Symbol('@'))
            return new Account(user, Sessions.Account.AnyHost);
        var host = AccountPart();
        return host is null ? null : new Account(user, host);
    }

    private string? AccountPart()
    {
        if (_token.Kind is not (SqlTokenKind.String or SqlTokenKind.QuotedIdentifier or SqlTokenKind.Word)
            || (_token.Kind == SqlTokenKind.Word && SqlWords.Reserved.Contains(Span(_token))))
            return Fail<string>();
        var value = _lexer.Value(_token);
        Advance();
        return value;
    }

    private List<Account>? Accounts()
    {
        var accounts = new List<Account>(1);
        do
        {
            if (Account() is not { } account)
                return null;
            accounts.Add(account);
        }
        while (Symbol(','));
        return accounts;
    }

    /// <summary>'u'@'h' [IDENTIFIED BY 'p'] [, ...].</summary>
    private List<AccountPassword>? AccountPasswords(bool requirePassword)
    {
        var accounts = new List<AccountPassword>(1);
        do
        {
            if (Account() is not { } account)
                return null;
            string? password = null;
            if (requirePassword || IsKeyword("IDENTIFIED"))
            {
                if (!Expect("IDENTIFIED") || !Expect("BY") || StringLiteral(secret: true) is not { } given)
                    return null;
                password = given;
            }
            accounts.Add(new AccountPassword(account, password));
        }
        while (Symbol(','));
        return accounts;
    }

    /// <summary>priv [, priv]...; multi-word names (CREATE VIEW, LOCK TABLES, GRANT OPTION) included.</summary>
    private Privileges? PrivilegeList()
    {
        var privileges = Privileges.None;
        do
        {
            if (Keyword("ALL"))
            {
                Keyword("PRIVILEGES");
                privileges |= Privileges.All;
            }
            else if (Keyword("CREATE"))
            {
                privileges |= Keyword("VIEW") ? Privileges.CreateView
                    : Keyword("USER") ? Privileges.CreateUser
                    : Keyword("TEMPORARY") ? (Expect("TABLES") ? Privileges.CreateTemporaryTables : Privileges.None)
                    : Privileges.Create;
            }
            else if (Keyword("SHOW"))
                privileges |= Expect("VIEW") ? Privileges.ShowView : Privileges.None;
            else if (Keyword("LOCK"))
                privileges |= Expect("TABLES") ? Privileges.LockTables : Privileges.None;
            else if (Keyword("GRANT"))
                privileges |= Expect("OPTION") ? Privileges.GrantOption : Privileges.None;
            else if (_token.Kind == SqlTokenKind.Word && SqlWords.OneWordPrivileges.TryGetValue(Span(_token), out var one))
            {
                Advance();
                privileges |= one;
            }
            else
            {
                Failed();
                return null;
            }
            if (_errorAt >= 0)
                return null;
        }
        while (Symbol(','));
        return privileges;
    }

    /// <summary>*.*, db.*, db.table, * or table (the last two in the current database).</summary>
    private GrantLevel? GrantTarget()
    {
        if (Symbol('*'))
        {
            if (!Symbol('.'))
                return new GrantLevel(null, GrantLevel.All);
            return ExpectSymbol('*') ? GrantLevel.Global : null;
        }
        var first = Identifier();
        if (first is null)
            return null;
        if (!Symbol('.'))
            return new GrantLevel(null, first);
        if (Symbol('*'))
            return new GrantLevel(first, GrantLevel.All);
        var table = Identifier();
        return table is null ? null : new GrantLevel(first, table);
    }
}
