namespace FleetSim.Policy.Model;

/// <summary>
/// The model's clock: simulated time as Unix milliseconds with the fraction, the one timeline that
/// gateway and server queues, simulated sessions and real clients share.
/// </summary>
public static class SimulatedTime
{
    public static double Ms(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    public static DateTimeOffset At(double ms) => DateTimeOffset.UnixEpoch.AddMilliseconds(ms);
}
