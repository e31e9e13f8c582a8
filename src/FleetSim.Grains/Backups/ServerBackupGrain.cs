using FleetSim.Contracts.Backups;

namespace FleetSim.Grains.Backups;

/// <summary>Keeps a server's snapshots in encrypted grain storage, newest last.</summary>
public sealed class ServerBackupGrain(
    [PersistentState("backups", FleetSimSiloOptions.StateStorage)] IPersistentState<ServerBackupState> state) : Grain, IServerBackupGrain
{
    /// <summary>[FleetSim rule] Snapshots kept per server (the real service keeps 7 to 35 days).</summary>
    public const int Retention = 200;

    public async Task Take(ServerSnapshot snapshot)
    {
        state.State.Snapshots.Add(snapshot);
        if (state.State.Snapshots.Count > Retention)
            state.State.Snapshots.RemoveRange(0, state.State.Snapshots.Count - Retention);
        await state.WriteStateAsync();
    }

    public Task<ServerSnapshot?> Find(DateTimeOffset? pointInTime) => Task.FromResult(
        state.State.Snapshots.LastOrDefault(s => pointInTime is null || s.TakenAt <= pointInTime));

    public Task<IReadOnlyList<DateTimeOffset>> List() =>
        Task.FromResult<IReadOnlyList<DateTimeOffset>>([.. state.State.Snapshots.Select(s => s.TakenAt)]);
}

[GenerateSerializer]
public sealed class ServerBackupState
{
    [Id(0)] public List<ServerSnapshot> Snapshots { get; set; } = [];
}
