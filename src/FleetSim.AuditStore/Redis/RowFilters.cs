namespace FleetSim.AuditStore.Redis;

/// <summary>
/// The WHERE clauses of <see cref="SqliteAuditStore"/>'s queries as predicates, field for field: the
/// gateway log filters on neither ip nor event, the alerts on no event; time is the window's.
/// </summary>
internal static class RowFilters
{
    public static bool Matches(StoredRecord row, AuditQuery query, IReadOnlyList<string>? events) =>
        Equal(row.Server, query.Server) && Equal(row.User, query.User) && Equal(row.Ip, query.Ip)
        && (events is null || events.Contains(row.Event, StringComparer.Ordinal));

    public static bool Matches(StoredDecision row, AuditQuery query) => Equal(row.Server, query.Server) && Equal(row.User, query.User);

    public static bool Matches(StoredAlert row, AuditQuery query) =>
        Equal(row.Server, query.Server) && Equal(row.User, query.User) && Equal(row.Ip, query.Ip);

    // SQL's "column = value": no filter matches everything, and a NULL column equals nothing.
    private static bool Equal(string? column, string? wanted) => wanted is null || string.Equals(column, wanted, StringComparison.Ordinal);
}
