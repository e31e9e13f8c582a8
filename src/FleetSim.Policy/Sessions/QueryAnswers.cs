using System.Globalization;
using System.Text.RegularExpressions;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Sessions;

/// <summary>
/// The rows of the statements a session can answer without a table engine: SELECT of literals,
/// system variables and session functions (what clients ask on their own, and what a demo shows),
/// SHOW GRANTS, SHOW DATABASES, SHOW VARIABLES and SHOW STATUS. Any other statement has no rows:
/// null, and the caller answers OK once the session has authorized and audited it.
/// </summary>
public static class QueryAnswers
{
    public static ResultTable? Answer(string sql, SessionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(facts);
        var end = sql.Length;
        while (end > 0 && (char.IsWhiteSpace(sql[end - 1]) || sql[end - 1] == ';'))
            end--;
        var lexer = new SqlLexer(sql, end);
        // Every statement a session runs passes here: most are on tables and end at their first word.
        var first = lexer.Next();
        if (!lexer.Is(first, "SELECT") && !lexer.Is(first, "SHOW"))
            return null;
        var tokens = new List<SqlToken> { first };
        for (var token = lexer.Next(); token.Kind != SqlTokenKind.End; token = lexer.Next())
            tokens.Add(token);
        var reader = new Reader(lexer, tokens);
        if (reader.Keyword("SELECT"))
            return Select(reader, facts);
        if (reader.Keyword("SHOW"))
            return Show(reader, facts);
        return null;
    }

    private static ResultTable? Select(Reader reader, SessionFacts facts)
    {
        var columns = new List<string>();
        var values = new List<string?>();
        do
        {
            var start = reader.Position;
            if (!Value(reader, facts, out var value))
                return null;
            var name = reader.Text(start, reader.Position);
            if (reader.Keyword("AS") || reader.Peek is { Kind: SqlTokenKind.Word or SqlTokenKind.String or SqlTokenKind.QuotedIdentifier } && !reader.Is("LIMIT") && !reader.Is("FROM"))
            {
                if (reader.Take() is not { } alias || alias.Kind is SqlTokenKind.Symbol or SqlTokenKind.Number)
                    return null;
                name = reader.Value(alias);
            }
            columns.Add(name);
            values.Add(value);
        }
        while (reader.Symbol(','));

        var rows = 1;
        if (reader.Keyword("LIMIT"))
        {
            if (reader.Take() is not { Kind: SqlTokenKind.Number } limit)
                return null;
            rows = reader.Value(limit) == "0" ? 0 : 1;
        }
        // FROM, WHERE and the rest read tables or need expressions FleetSim does not evaluate.
        return reader.AtEnd ? new ResultTable(columns, rows == 0 ? [] : [values]) : null;
    }

    private static bool Value(Reader reader, SessionFacts facts, out string? value)
    {
        value = null;
        if (reader.Take() is not { } token)
            return false;
        switch (token.Kind)
        {
            case SqlTokenKind.String:
                value = reader.Value(token);
                return true;
            case SqlTokenKind.Number:
                value = reader.Value(token);
                if (reader.Symbol('.'))
                    value += "." + (reader.Take() is { Kind: SqlTokenKind.Number } fraction ? reader.Value(fraction) : "");
                return true;
            case SqlTokenKind.Symbol when reader.Value(token) == "-":
                if (!Value(reader, facts, out var negated) || !decimal.TryParse(negated, CultureInfo.InvariantCulture, out _))
                    return false;
                value = "-" + negated;
                return true;
            case SqlTokenKind.Symbol when reader.Value(token) == "@" && reader.Symbol('@'):
                return Variable(reader, facts, out value);
            case SqlTokenKind.Word:
                return Word(reader, reader.Value(token).ToUpperInvariant(), facts, out value);
            default:
                return false;
        }
    }

    private static bool Variable(Reader reader, SessionFacts facts, out string? value)
    {
        value = null;
        if (reader.Take() is not { Kind: SqlTokenKind.Word } name)
            return false;
        var text = reader.Value(name);
        if (text.ToUpperInvariant() is "SESSION" or "GLOBAL" or "LOCAL" && reader.Symbol('.'))
        {
            if (reader.Take() is not { Kind: SqlTokenKind.Word } scoped)
                return false;
            text = reader.Value(scoped);
        }
        // An unknown variable reads as NULL here; MariaDB would refuse it with 1193.
        value = facts.Variables.GetValueOrDefault(text.ToLowerInvariant());
        return true;
    }

    private static bool Word(Reader reader, string word, SessionFacts facts, out string? value)
    {
        value = null;
        var call = reader.Symbol('(');
        if (call && !reader.Symbol(')'))
            return false;
        switch (word)
        {
            case "NULL" when !call:
                return true;
            case "TRUE" when !call:
                value = "1";
                return true;
            case "FALSE" when !call:
                value = "0";
                return true;
            case "USER" or "SESSION_USER" or "SYSTEM_USER" when call:
                value = $"{facts.User}@{facts.ClientIp}";
                return true;
            case "CURRENT_USER":
                value = $"{facts.User}@{facts.AccountHost}";
                return true;
            case "DATABASE" or "SCHEMA" when call:
                value = facts.Database;
                return true;
            case "CONNECTION_ID" when call:
                value = facts.ConnectionId.ToString(CultureInfo.InvariantCulture);
                return true;
            case "VERSION" when call:
                value = facts.Variables.GetValueOrDefault("version");
                return true;
            case "LAST_INSERT_ID" or "ROW_COUNT" or "FOUND_ROWS" when call:
                value = "0";
                return true;
            default:
                return false;
        }
    }

    private static ResultTable? Show(Reader reader, SessionFacts facts)
    {
        reader.SkipAny("GLOBAL", "SESSION", "FULL");
        if (reader.Keyword("GRANTS"))
        {
            if (reader.Keyword("FOR"))
            {
                // Only the session's own grants are known here: FOR CURRENT_USER[()] or the session's user.
                var start = reader.Position;
                var self = reader.Keyword("CURRENT_USER") && (!reader.Symbol('(') || reader.Symbol(')'));
                if (!self)
                {
                    reader.Position = start;
                    self = reader.Take() is { } user && reader.Value(user) == facts.User && SkipHost(reader);
                }
                if (!self)
                    return null;
            }
            return reader.AtEnd ? new ResultTable([$"Grants for {facts.User}@{facts.AccountHost}"], [.. facts.Grants().Select(g => new[] { g })]) : null;
        }
        if (reader.Keyword("DATABASES") || reader.Keyword("SCHEMAS"))
            return Named(reader, "Database", facts.Databases().Select(d => (d, (string?)null)), valueColumn: null);
        if (reader.Keyword("VARIABLES"))
            return Named(reader, "Variable_name", facts.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, (string?)v.Value)), "Value");
        if (reader.Keyword("STATUS"))
            return Named(reader, "Variable_name", Status(facts), "Value");
        return null;
    }

    private static bool SkipHost(Reader reader)
    {
        if (!reader.Symbol('@'))
            return true;
        return reader.Take() is not null;
    }

    private static IEnumerable<(string, string?)> Status(SessionFacts facts)
    {
        yield return ("Ssl_cipher", facts.Tls == TlsVersion.None ? "" : facts.Cipher ?? "");
        yield return ("Ssl_version", facts.Tls == TlsVersion.None ? "" : $"TLSv{facts.Tls.ToOffered()}");
    }

    /// <summary>A name (and value) list, filtered by an optional LIKE pattern, MariaDB's way: case-insensitive, % and _.</summary>
    private static ResultTable? Named(Reader reader, string nameColumn, IEnumerable<(string Name, string? Value)> items, string? valueColumn)
    {
        Regex? like = null;
        if (reader.Keyword("LIKE"))
        {
            if (reader.Take() is not { Kind: SqlTokenKind.String } pattern)
                return null;
            like = Like(reader.Value(pattern));
        }
        if (!reader.AtEnd)
            return null;
        var rows = items.Where(i => like?.IsMatch(i.Name) ?? true)
            .Select(i => valueColumn is null ? new string?[] { i.Name } : [i.Name, i.Value])
            .ToList<IReadOnlyList<string?>>();
        return new ResultTable(valueColumn is null ? [nameColumn] : [nameColumn, valueColumn], rows);
    }

    private static Regex Like(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            else
                regex.Append(c switch { '%' => ".*", '_' => ".", _ => Regex.Escape(c.ToString()) });
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>A cursor over the statement's tokens.</summary>
    private sealed class Reader(SqlLexer lexer, List<SqlToken> tokens)
    {
        public int Position { get; set; }

        public bool AtEnd => Position >= tokens.Count;

        public SqlToken? Peek => AtEnd ? null : tokens[Position];

        public SqlToken? Take() => AtEnd ? null : tokens[Position++];

        public string Value(SqlToken token) => lexer.Value(token);

        public bool Is(string keyword) => Peek is { } token && lexer.Is(token, keyword);

        public bool Keyword(string keyword)
        {
            if (!Is(keyword))
                return false;
            Position++;
            return true;
        }

        public bool Symbol(char symbol)
        {
            if (Peek is not { } token || !lexer.IsSymbol(token, symbol))
                return false;
            Position++;
            return true;
        }

        public void SkipAny(params string[] keywords)
        {
            while (keywords.Any(Keyword))
            {
            }
        }

        /// <summary>The statement's text from one token to another, as MariaDB names a column after its expression.</summary>
        public string Text(int from, int to) =>
            from >= to ? "" : lexer.Sql[tokens[from].Start..tokens[to - 1].End];
    }
}
