namespace FleetSim.Grains.Tests;

/// <summary>The durable state contract with state in a SQLite file, as a silo of one machine keeps it.</summary>
public sealed class SqliteDurableStateTests : DurableStateContract
{
    protected override string StateStore => Path.Combine(Folder, "state.db");

    // The whole file as it lies on disk: the database, its WAL and shared memory.
    protected override byte[] RawBytes() => [.. Directory.GetFiles(Folder, "state.db*").SelectMany(File.ReadAllBytes)];
}
