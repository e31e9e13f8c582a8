namespace FleetSim.Storage.Tests;

/// <summary>A stand-in for a server grain: persistent state holding the names that must never be stored in clear.</summary>
public interface IServerStateGrain : IGrainWithStringKey
{
    Task Save(ServerState value);

    Task<ServerState> Load();
}

[GenerateSerializer]
public sealed class ServerState
{
    [Id(0)] public string Administrator { get; set; } = "";
    [Id(1)] public List<string> FirewallRules { get; set; } = [];
    [Id(2)] public List<string> Users { get; set; } = [];
    [Id(3)] public int Generation { get; set; }
}

public sealed class ServerStateGrain([PersistentState("state", StorageFiles.ProviderName)] IPersistentState<ServerState> state) : Grain, IServerStateGrain
{
    public async Task Save(ServerState value)
    {
        state.State = value;
        await state.WriteStateAsync();
    }

    public Task<ServerState> Load() => Task.FromResult(state.State);
}
