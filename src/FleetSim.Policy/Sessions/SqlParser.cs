using System.Text;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// A recursive-descent parser over <see cref="SqlLexer"/> with one token of lookahead. A rule that
/// fails records where (the first failure wins) and returns null, so that a syntax error costs no
/// exception: a load test may send thousands of bad statements.
/// </summary>
internal partial struct SqlParser
{
    private readonly string _sql;
    private SqlLexer _lexer;
    private SqlToken _token;
    private int _errorAt;
    private StatementCategory _category;

    // Password literals, hidden from the audit text.
    private List<SqlToken>? _secrets;

    public SqlParser(string sql)
    {
        _sql = sql;
        // A client sends a statement without its delimiter; accept one anyway, and trailing spaces.
        var end = sql.Length;
        while (end > 0 && (char.IsWhiteSpace(sql[end - 1]) || sql[end - 1] == ';'))
            end--;
        _lexer = new SqlLexer(sql, end);
        _errorAt = -1;
        _category = StatementCategory.ADMIN;
    }

    public ParseResult Parse()
    {
        _token = _lexer.Next();
        if (AtEnd)
            return new ParseResult(null, SqlErrors.EmptyQuery, StatementCategory.ADMIN, _sql);
        var statement = Statement();
        if (statement is not null && !AtEnd)
            statement = Fail<Statement>();
        var auditText = Redacted();
        return statement is null
            ? new ParseResult(null, SyntaxError(), _category, auditText)
            : new ParseResult(statement, null, statement.Category, auditText);
    }

    private Statement? Statement()
    {
        if (Keyword("SELECT"))
            return Select();
        if (Keyword("INSERT"))
            return Insert("INSERT", Privileges.Insert);
        // REPLACE deletes the row it replaces: it takes both privileges.
        if (Keyword("REPLACE"))
            return Insert("REPLACE", Privileges.Insert | Privileges.Delete);
        if (Keyword("UPDATE"))
            return Update();
        if (Keyword("DELETE"))
            return Delete();
        if (Keyword("CREATE"))
            return Create();
        if (Keyword("ALTER"))
            return Alter();
        if (Keyword("DROP"))
            return Drop();
        if (Keyword("TRUNCATE"))
            return Truncate();
        if (Keyword("GRANT"))
            return Grant();
        if (Keyword("REVOKE"))
            return Revoke();
        if (Keyword("SET"))
            return Set();
        if (Keyword("USE"))
            return Use();
        if (_token.Kind == SqlTokenKind.Word && SqlWords.AdminVerbs.TryGetValue(Span(_token), out var verb))
        {
            Advance();
            return SkipRest() ? new AdminStatement(verb) : null;
        }
        return Fail<Statement>();
    }

    private DatabaseStatement? Use()
    {
        var database = Identifier();
        return database is null ? null : new DatabaseStatement(DatabaseAction.Use, database);
    }

    private Statement? Set()
    {
        if (Keyword("PASSWORD"))
            return SetPassword();
        // SET GLOBAL and SET @@global.x change the server for everyone: SUPER, which the administrator lacks.
        var global = Keyword("GLOBAL")
            || (IsSymbol('@') && PeekGlobalVariable());
        if (AtEnd)
            return Fail<Statement>();
        return SkipRest() ? new AdminStatement("SET", global ? Privileges.Super : Privileges.None) : null;
    }

    private readonly bool PeekGlobalVariable()
    {
        var lexer = _lexer;
        var second = lexer.Next();
        var name = lexer.Next();
        return _lexer.IsSymbol(second, '@') && _lexer.Is(name, "GLOBAL");
    }

    // ---- tokens ----

    private readonly bool AtEnd => _token.Kind == SqlTokenKind.End;

    private readonly ReadOnlySpan<char> Span(SqlToken token) => _sql.AsSpan(token.Start, token.Length);

    private void Advance() => _token = _lexer.Next();

    private readonly bool IsKeyword(string keyword) => _lexer.Is(_token, keyword);

    private readonly bool IsSymbol(char symbol) => _lexer.IsSymbol(_token, symbol);

    /// <summary>Consumes the keyword when it is next.</summary>
    private bool Keyword(string keyword)
    {
        if (!IsKeyword(keyword))
            return false;
        Advance();
        return true;
    }

    private bool Symbol(char symbol)
    {
        if (!IsSymbol(symbol))
            return false;
        Advance();
        return true;
    }

    /// <summary>Consumes the keyword, or records a syntax error at the current token.</summary>
    private bool Expect(string keyword) => Keyword(keyword) || Failed();

    private bool ExpectSymbol(char symbol) => Symbol(symbol) || Failed();

    private bool IfExists() => !Keyword("IF") || Expect("EXISTS");

    private bool IfNotExists() => !Keyword("IF") || (Expect("NOT") && Expect("EXISTS"));

    /// <summary>An unquoted name that is not a reserved word, or a `quoted` one.</summary>
    private string? Identifier()
    {
        var isName = _token.Kind == SqlTokenKind.Word
            ? !SqlWords.Reserved.Contains(Span(_token))
            : _token.Kind == SqlTokenKind.QuotedIdentifier && _token.Length > 2;
        if (!isName)
            return Fail<string>();
        var name = _lexer.Value(_token);
        Advance();
        return name;
    }

    /// <summary>A string literal; a password is remembered so that the audit text can hide it.</summary>
    private string? StringLiteral(bool secret = false)
    {
        if (_token.Kind != SqlTokenKind.String)
            return Fail<string>();
        if (secret)
            (_secrets ??= []).Add(_token);
        var value = _lexer.Value(_token);
        Advance();
        return value;
    }

    /// <summary>Skips to the end of the statement, refusing an unterminated string and a second statement.</summary>
    private bool SkipRest()
    {
        while (!AtEnd)
        {
            if (_token.Kind == SqlTokenKind.Unterminated || IsSymbol(';'))
                return Failed();
            Advance();
        }
        return true;
    }

    /// <summary>Records a syntax error at the current token, unless an earlier one was recorded; always false.</summary>
    private bool Failed()
    {
        if (_errorAt < 0)
            _errorAt = _token.Start;
        return false;
    }

    /// <summary><see cref="Failed"/>, for rules that return what they parsed.</summary>
    private T? Fail<T>() where T : class
    {
        Failed();
        return null;
    }

    // ---- results ----

    private readonly SqlError SyntaxError()
    {
        var at = Math.Max(0, _errorAt);
        var line = 1 + _sql.AsSpan(0, at).Count('\n');
        return SqlErrors.Syntax(_sql[at..Math.Max(at, _lexer.EndOfStatement)], line);
    }

    // [FleetSim rule, after MariaDB's server_audit, which hides passwords] each password literal becomes *****.
    private readonly string Redacted()
    {
        if (_secrets is null)
            return _sql;
        var text = new StringBuilder(_sql.Length);
        var copied = 0;
        foreach (var secret in _secrets)
        {
            text.Append(_sql, copied, secret.Start - copied).Append("*****");
            copied = secret.End;
        }
        return text.Append(_sql, copied, _sql.Length - copied).ToString();
    }
}
