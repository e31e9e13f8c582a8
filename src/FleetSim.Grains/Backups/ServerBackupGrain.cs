using FleetSim.Contracts.Backups;
using FleetSim.Policy.Admission;

namespace FleetSim.Grains.Backups;

/// <summary>
/// Keeps a server's snapshots in encrypted grain storage, newest last. A snapshot holds password
/// hashes only: whatever it is given, the clear passwords of its specification are hashed here.
/// </summary>
public sealed class ServerBackupGrain(
    [PersistentState("backups", FleetSimSiloOptions.StateStorage)] IPersistentState<ServerBackupState> state) : Grain, IServerBackupGrain
{
    /// <summary>[FleetSim rule] Snapshots kept per server (the real service keeps 7 to 35 days).</summary>
    public const int Retention = 200;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Snapshots taken before passwords were kept hashed are rewritten without them.
        var snapshots = state.State.Snapshots;
        var hashed = snapshots.Select(Hashed).ToList();
        if (hashed.Where((snapshot, i) => !ReferenceEquals(snapshot, snapshots[i])).Any())
        {
            state.State.Snapshots = hashed;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task Take(ServerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // Newest last: a first snapshot the directory kept arrives after the ones taken since.
        var snapshots = state.State.Snapshots;
        var at = snapshots.FindLastIndex(s => s.TakenAt <= snapshot.TakenAt) + 1;
        snapshots.Insert(at, Hashed(snapshot));
        if (state.State.Snapshots.Count > Retention)
            state.State.Snapshots.RemoveRange(0, state.State.Snapshots.Count - Retention);
        await state.WriteStateAsync();
    }

    public Task<ServerSnapshot?> Find(DateTimeOffset? pointInTime) => Task.FromResult(
        state.State.Snapshots.LastOrDefault(s => pointInTime is null || s.TakenAt <= pointInTime));

    public Task<IReadOnlyList<DateTimeOffset>> List() =>
        Task.FromResult<IReadOnlyList<DateTimeOffset>>([.. state.State.Snapshots.Select(s => s.TakenAt)]);

    private static ServerSnapshot Hashed(ServerSnapshot snapshot)
    {
        var spec = StoredPasswords.Hashed(snapshot.Spec);
        return ReferenceEquals(spec, snapshot.Spec) ? snapshot : snapshot with { Spec = spec };
    }
}

[GenerateSerializer]
public sealed class ServerBackupState
{
    [Id(0)] public List<ServerSnapshot> Snapshots { get; set; } = [];
}
