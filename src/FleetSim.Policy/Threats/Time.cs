namespace FleetSim.Policy.Threats;

/// <summary>Detector state keeps times as UTC ticks: compact, and compared without offsets.</summary>
internal static class Time
{
    public static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
