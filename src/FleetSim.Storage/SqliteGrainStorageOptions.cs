using Orleans.Storage;

namespace FleetSim.Storage;

/// <summary>Options of one <see cref="SqliteGrainStorage"/> provider.</summary>
public sealed class SqliteGrainStorageOptions : IStorageProviderSerializerOptions
{
    /// <summary>The SQLite file; one per provider (rows are keyed by state name and grain id only).</summary>
    public string DatabasePath { get; set; } = Path.Combine(Path.GetTempPath(), "fleetsim", "state.db");

    /// <summary>
    /// The serializer; when left null the provider takes the one registered under its name (as
    /// <see cref="SiloBuilderStorageExtensions.AddStateEncryption"/> does), else the silo's default.
    /// </summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
