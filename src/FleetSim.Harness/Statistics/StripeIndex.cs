namespace FleetSim.Harness;

/// <summary>
/// Gives each thread its own number, so that threads record into different stripes and their
/// locks are, in the usual case, uncontended. Async copies hop threads between awaits, but each
/// recording is synchronous, so it happens on one thread.
/// </summary>
internal static class StripeIndex
{
    [ThreadStatic]
    private static int t_index;

    private static int s_next;

    public static int Current
    {
        get
        {
            int index = t_index;
            if (index == 0)
                t_index = index = Interlocked.Increment(ref s_next);
            return index;
        }
    }

    /// <summary>A power of two a little above the core count: more stripes than busy threads.</summary>
    public static int StripeCount { get; } = (int)Math.Min(64, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount * 2));
}
