using FleetSim.Contracts.Fleet;

namespace FleetSim.Wire.Listening;

/// <summary>What listeners need of the silo they run in: its grains, and its copy of the fleet directory (for direct endpoints' routing).</summary>
public sealed record WireFleet(IGrainFactory Grains, DirectoryCache Directory);
