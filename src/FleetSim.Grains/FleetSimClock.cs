namespace FleetSim.Grains;

/// <summary>
/// The clock FleetSim's own time rules run on (rule change delay, key revocation, backup and
/// record times): a keyed TimeProvider, the silo's own unless one is registered under this key.
/// Tests register a fake one here and move it, while Orleans keeps its timers on the real clock.
/// </summary>
public static class FleetSimClock
{
    public const string Key = "FleetSim";
}
