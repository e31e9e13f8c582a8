namespace FleetSim.Storage;

/// <summary>
/// The stored records of grain state, whatever holds them (a SQLite file, a Redis server): what key
/// rotation and inspection need, apart from the grain storage provider that reads and writes them.
/// </summary>
public interface IStateStore : IDisposable
{
    /// <summary>Where the records are, for messages.</summary>
    string Location { get; }

    /// <summary>Every record (for inspection and tests).</summary>
    IReadOnlyList<StoredState> ReadAll();

    /// <summary>
    /// Replaces the bytes of every record for which <paramref name="rewrite"/> returns new ones, keeping
    /// its ETag (the state did not change, so active grains keep writing without a conflict), and never
    /// over a record that changed since it was read.
    /// </summary>
    /// <returns>How many records were rewritten.</returns>
    int Rewrap(Func<byte[], byte[]?> rewrite);
}
