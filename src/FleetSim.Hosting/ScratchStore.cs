namespace FleetSim.Hosting;

/// <summary>
/// An audit store nobody asked to keep: a fresh SQLite file in the temporary folder ($TMPDIR, else
/// /tmp), removed with its -wal and -shm files on dispose. A fresh file per use, so that
/// concurrent commands never mix their logs.
/// </summary>
public sealed class ScratchStore : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fleetsim-audit-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
            File.Delete(file);
    }
}
