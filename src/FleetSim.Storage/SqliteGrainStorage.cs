using Orleans.Runtime;
using Orleans.Storage;

namespace FleetSim.Storage;

/// <summary>
/// FleetSim's embedded grain storage provider: state rows in one SQLite file (see
/// <see cref="SqliteStateStore"/>), serialized by the provider's <see cref="IGrainStorageSerializer"/>,
/// with ETag conflicts reported as <see cref="InconsistentStateException"/> as Orleans' providers do.
/// </summary>
/// <remarks>
/// SQLite calls are synchronous and run on the calling grain's thread under a lock: in WAL mode with
/// synchronous=NORMAL a write does not wait for the disk, so a hop to the thread pool would cost more.
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly string _name;
    private readonly SqliteStateStore _store;
    private readonly IGrainStorageSerializer _serializer;

    /// <param name="name">The provider name, for messages.</param>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="serializer">Turns state into stored bytes and back (typically <see cref="Encryption.EncryptingGrainStorageSerializer"/>).</param>
    public SqliteGrainStorage(string name, string databasePath, IGrainStorageSerializer serializer)
    {
        _name = name;
        _serializer = serializer;
        _store = new SqliteStateStore(databasePath);
    }

    /// <summary>The rows underneath, for key rotation and inspection.</summary>
    public SqliteStateStore Store => _store;

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = _store.Read(stateName, grainId.ToString());
        if (row is null)
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return Task.CompletedTask;
        }
        grainState.State = _serializer.Deserialize<T>(new BinaryData(row.Payload)) ?? Activator.CreateInstance<T>();
        grainState.ETag = row.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var result = _store.Write(stateName, grainId.ToString(), grainState.ETag, payload);
        if (!result.Succeeded)
            throw Conflict("write", stateName, grainId, grainState.ETag, result.ETag);
        grainState.ETag = result.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var result = _store.Delete(stateName, grainId.ToString(), grainState.ETag);
        if (!result.Succeeded)
            throw Conflict("clear", stateName, grainId, grainState.ETag, result.ETag);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Takes part in the silo lifecycle only so that the provider (and its key store) is built when the silo starts, failing the start rather than the first grain.</summary>
    public void Participate(ISiloLifecycle observer)
    {
    }

    public void Dispose() => _store.Dispose();

    private InconsistentStateException Conflict(string action, string stateName, GrainId grainId, string? expected, string? stored) =>
        new($"Could not {action} state '{stateName}' of {grainId} in SQLite grain storage '{_name}': it was changed by someone else " +
            $"(expected ETag {expected ?? "none"}, stored {stored ?? "none"}).", stored ?? "none", expected ?? "none");
}
