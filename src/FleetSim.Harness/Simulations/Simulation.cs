namespace FleetSim.Harness;

/// <summary>Builds load simulations with NBomber's names, checking their arguments.</summary>
public static class Simulation
{
    /// <summary>Closed model: keeps <paramref name="copies"/> copies looping for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during)
    {
        Copies(copies);
        Duration(during, nameof(during));
        return new KeepConstantSimulation(copies, during);
    }

    /// <summary>Closed model: ramps looping copies linearly from the previous count (0 at first) to <paramref name="copies"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        Duration(during, nameof(during));
        return new RampingConstantSimulation(copies, during);
    }

    /// <summary>Closed model: <paramref name="copies"/> copies share <paramref name="iterations"/> iterations, then the stage ends.</summary>
    public static LoadSimulation IterationsForConstant(int copies, long iterations)
    {
        Copies(copies);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return new IterationsForConstantSimulation(copies, iterations);
    }

    /// <summary>Open model: starts <paramref name="rate"/> iterations per <paramref name="interval"/>, evenly spaced, for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1);
        Duration(interval, nameof(interval));
        Duration(during, nameof(during));
        return new InjectSimulation(rate, interval, during);
    }

    /// <summary>Open model: ramps the start rate linearly from the previous rate (0 at first) to <paramref name="rate"/>.</summary>
    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        Duration(interval, nameof(interval));
        Duration(during, nameof(during));
        return new RampingInjectSimulation(rate, interval, during);
    }

    /// <summary>Open model: each interval starts a random number of iterations in [<paramref name="minRate"/>, <paramref name="maxRate"/>].</summary>
    public static LoadSimulation InjectRandom(int minRate, int maxRate, TimeSpan interval, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRate, Math.Max(minRate, 1));
        Duration(interval, nameof(interval));
        Duration(during, nameof(during));
        return new InjectRandomSimulation(minRate, maxRate, interval, during);
    }

    /// <summary>Open model: starts <paramref name="rate"/> iterations per <paramref name="interval"/> until <paramref name="iterations"/> have started.</summary>
    public static LoadSimulation IterationsForInject(int rate, TimeSpan interval, long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 1);
        Duration(interval, nameof(interval));
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        return new IterationsForInjectSimulation(rate, interval, iterations);
    }

    /// <summary>Starts nothing for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during)
    {
        Duration(during, nameof(during));
        return new PauseSimulation(during);
    }

    private static void Copies(int copies) => ArgumentOutOfRangeException.ThrowIfLessThan(copies, 1);

    private static void Duration(TimeSpan span, string name)
    {
        if (span <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(name, span, $"'{name}' must be positive: a load stage is bounded in time.");
    }
}
