using System.Text;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// Splits a statement into tokens on demand, MariaDB's way: case-insensitive keywords, `quoted`
/// identifiers, '...' and "..." strings with doubled quotes and backslash escapes, and -- , # and
/// /* */ comments. Values are materialized only when the parser asks for one.
/// </summary>
internal struct SqlLexer(string sql, int end)
{
    private int _position;

    public readonly string Sql => sql;

    /// <summary>Where the statement ends: its text without a trailing semicolon and spaces.</summary>
    public readonly int EndOfStatement => end;

    public SqlToken Next()
    {
        SkipSpaceAndComments();
        if (_position >= end)
            return new SqlToken(SqlTokenKind.End, end, 0);
        var start = _position;
        var c = sql[_position];
        if (c is '\'' or '"')
            return Quoted(c, SqlTokenKind.String);
        if (c == '`')
            return Quoted('`', SqlTokenKind.QuotedIdentifier);
        if (IsWordChar(c))
        {
            var digitsOnly = true;
            while (_position < end && IsWordChar(sql[_position]))
                digitsOnly &= char.IsAsciiDigit(sql[_position++]);
            return new SqlToken(digitsOnly ? SqlTokenKind.Number : SqlTokenKind.Word, start, _position - start);
        }
        _position++;
        return new SqlToken(SqlTokenKind.Symbol, start, 1);
    }

    /// <summary>MariaDB's unquoted identifier characters: ASCII letters, digits, _ and $, and anything beyond ASCII.</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$' || c > '\u007f';

    /// <summary>The text of a word, or the value of a string or quoted identifier, escapes undone.</summary>
    public readonly string Value(SqlToken token)
    {
        if (token.Kind is not (SqlTokenKind.String or SqlTokenKind.QuotedIdentifier))
            return sql.Substring(token.Start, token.Length);
        var quote = sql[token.Start];
        var inner = sql.AsSpan(token.Start + 1, token.Length - 2);
        if (inner.IndexOf(quote) < 0 && (quote == '`' || inner.IndexOf('\\') < 0))
            return inner.ToString();
        var value = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == quote)
                i++; // a doubled quote stands for one
            else if (c == '\\' && quote != '`' && i + 1 < inner.Length)
                c = Unescape(inner[++i], value);
            value.Append(c);
        }
        return value.ToString();
    }

    public readonly bool Is(SqlToken token, string keyword) =>
        token.Kind == SqlTokenKind.Word && sql.AsSpan(token.Start, token.Length).Equals(keyword, StringComparison.OrdinalIgnoreCase);

    public readonly bool IsSymbol(SqlToken token, char symbol) => token.Kind == SqlTokenKind.Symbol && sql[token.Start] == symbol;

    // \% and \_ keep their backslash (they are LIKE escapes); an unknown escape is the character itself.
    private static char Unescape(char c, StringBuilder value)
    {
        switch (c)
        {
            case '0': return '\0';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'b': return '\b';
            case 'Z': return '\u001a';
            case '%' or '_':
                value.Append('\\');
                return c;
            default: return c;
        }
    }

    private SqlToken Quoted(char quote, SqlTokenKind kind)
    {
        var start = _position++;
        while (_position < end)
        {
            var c = sql[_position++];
            if (c == '\\' && quote != '`')
                _position++;
            else if (c == quote)
            {
                if (_position < end && sql[_position] == quote)
                    _position++;
                else
                    return new SqlToken(kind, start, _position - start);
            }
        }
        _position = end;
        return new SqlToken(SqlTokenKind.Unterminated, start, end - start);
    }

    private void SkipSpaceAndComments()
    {
        while (_position < end)
        {
            var c = sql[_position];
            if (char.IsWhiteSpace(c))
                _position++;
            else if (c == '#' || (c == '-' && At(1, '-') && (_position + 2 >= end || char.IsWhiteSpace(sql[_position + 2]))))
                SkipPast('\n', 1);
            else if (c == '/' && At(1, '*'))
                SkipPast('*', 2, '/');
            else
                return;
        }
    }

    private readonly bool At(int offset, char c) => _position + offset < end && sql[_position + offset] == c;

    private void SkipPast(char first, int skip, char? second = null)
    {
        _position += skip;
        while (_position < end && !(sql[_position] == first && (second is null || At(1, second.Value))))
            _position++;
        _position = Math.Min(end, _position + (second is null ? 1 : 2));
    }
}
