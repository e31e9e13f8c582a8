namespace FleetSim.Grains.Servers;

/// <summary>An open connection on a server.</summary>
internal sealed record Session(long ConnectionId, string Login, string ClientAddress, string? Database);
