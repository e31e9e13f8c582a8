namespace FleetSim.LoadTests.Scale;

/// <summary>One fleet size measured by `scale`.</summary>
/// <param name="Curve">"servers" (the number of servers varies) or "rules" (rules per server vary).</param>
/// <param name="ConnectionsPerSecond">FleetSim's connect + disconnect rate (median of the rounds).</param>
/// <param name="FloorConnectionsPerSecond">The engine floor's rate in the same rounds, on the same silo.</param>
/// <param name="ManagedBytesPerServer">Growth of the managed heap (after a full collection) from before provisioning to after it, per server: servers are created on demand, so this is what an idle server costs.</param>
/// <param name="WorkingSetBytesPerServer">Growth of the process's working set over the same span, per server.</param>
/// <param name="ProvisionSeconds">The provisioning call, from the fleet document to the directory published.</param>
/// <param name="ManagedBytesPerActiveServer">Growth of the managed heap from before provisioning to after the rounds, per server, once every server has taken connections and is in memory (with the engine floor's empty grains).</param>
public sealed record ScalePoint(
    string Curve,
    int Servers,
    int RulesPerServer,
    double ConnectionsPerSecond,
    double FloorConnectionsPerSecond,
    double ManagedBytesPerServer,
    double WorkingSetBytesPerServer,
    double ProvisionSeconds,
    double ManagedBytesPerActiveServer)
{
    public double RatioToFloor => ConnectionsPerSecond / FloorConnectionsPerSecond;
}
