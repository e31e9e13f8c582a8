namespace FleetSim.AuditStore;

/// <summary>
/// The order of SQLite's BINARY collation, NULL first: text by its UTF-8 bytes, which is code point
/// order. Ordinal order of .NET strings differs where a surrogate pair meets U+E000..U+FFFF, so
/// stores that sort in memory use this to list ties exactly as the SQLite store does.
/// </summary>
internal sealed class SqliteTextOrder : IComparer<string?>
{
    public static SqliteTextOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return x is null ? (y is null ? 0 : -1) : 1;
        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
                return CodePointRank(x[i]).CompareTo(CodePointRank(y[i]));
        }
        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (U+D800..U+DFFF) stand for code points above U+FFFF: move them past U+FFFF.
    private static int CodePointRank(char c) => c < 0xD800 ? c : c < 0xE000 ? c + 0x2000 : c - 0x800;
}
