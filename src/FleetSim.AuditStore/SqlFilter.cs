using System.Text;
using Microsoft.Data.Sqlite;

namespace FleetSim.AuditStore;

/// <summary>Builds a WHERE clause with parameters, skipping the filters that were not given.</summary>
internal sealed class SqlFilter(SqliteCommand command)
{
    private readonly StringBuilder _clause = new();

    public SqlFilter Equal(string column, string? value)
    {
        if (value is not null)
            Add($"{column} = {Parameter(value)}");
        return this;
    }

    public SqlFilter In(string column, IReadOnlyList<string>? values)
    {
        if (values is not null)
            Add($"{column} IN ({string.Join(", ", values.Select(v => Parameter(v)))})");
        return this;
    }

    public SqlFilter Range(string column, DateTimeOffset? since, DateTimeOffset? until)
    {
        if (since is { } from)
            Add($"{column} >= {Parameter(from.ToUnixTimeMilliseconds())}");
        if (until is { } to)
            Add($"{column} < {Parameter(to.ToUnixTimeMilliseconds())}");
        return this;
    }

    public override string ToString() => _clause.Length == 0 ? "" : " WHERE " + _clause;

    private void Add(string condition) => _clause.Append(_clause.Length == 0 ? "" : " AND ").Append(condition);

    private string Parameter(object value)
    {
        var name = "$p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.AddWithValue(name, value);
        return name;
    }
}
