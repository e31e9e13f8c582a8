namespace FleetSim.LoadTests.Scale;

/// <summary>One fleet size measured by `scale`.</summary>
/// <param name="Curve">"servers" (the number of servers varies) or "rules" (rules per server vary).</param>
/// <param name="ConnectionsPerSecond">FleetSim's connect + disconnect rate (median of the rounds).</param>
/// <param name="FloorConnectionsPerSecond">The engine floor's rate in the same rounds, on the same silo.</param>
/// <param name="ManagedBytesPerServer">Growth of the managed heap (after a full collection) from before provisioning to after it, per server.</param>
/// <param name="WorkingSetBytesPerServer">Growth of the process's working set over the same span, per server.</param>
/// <param name="ProvisionSeconds">The provisioning call, fleet document to every server active.</param>
public sealed record ScalePoint(
    string Curve,
    int Servers,
    int RulesPerServer,
    double ConnectionsPerSecond,
    double FloorConnectionsPerSecond,
    double ManagedBytesPerServer,
    double WorkingSetBytesPerServer,
    double ProvisionSeconds)
{
    public double RatioToFloor => ConnectionsPerSecond / FloorConnectionsPerSecond;
}
