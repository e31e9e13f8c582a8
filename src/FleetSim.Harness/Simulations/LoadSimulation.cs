namespace FleetSim.Harness;

/// <summary>
/// One stage of a scenario's load, NBomber's vocabulary. Build them with <see cref="Simulation"/>.
/// Closed model (a copy loops): KeepConstant, RampingConstant, IterationsForConstant. Open model
/// (an iteration is started by the clock, whatever the responses): Inject, RampingInject,
/// InjectRandom, IterationsForInject. And Pause.
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation()
    {
    }

    /// <summary>How the simulation reads in reports, e.g. "Inject(rate: 100, interval: 1s, during: 30s)".</summary>
    public abstract string Describe();

    private protected static string Format(TimeSpan span) => span.TotalSeconds >= 1 && span.TotalSeconds == Math.Floor(span.TotalSeconds)
        ? $"{span.TotalSeconds:0}s"
        : $"{span.TotalMilliseconds:0.###}ms";
}

/// <summary>Keeps <paramref name="Copies"/> copies looping for <paramref name="During"/>.</summary>
public sealed record KeepConstantSimulation(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"KeepConstant(copies: {Copies}, during: {Format(During)})";
}

/// <summary>Ramps the number of looping copies linearly from the previous count to <paramref name="Copies"/>.</summary>
public sealed record RampingConstantSimulation(int Copies, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingConstant(copies: {Copies}, during: {Format(During)})";
}

/// <summary><paramref name="Copies"/> looping copies share <paramref name="Iterations"/> iterations.</summary>
public sealed record IterationsForConstantSimulation(int Copies, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForConstant(copies: {Copies}, iterations: {Iterations})";
}

/// <summary>Starts <paramref name="Rate"/> iterations every <paramref name="Interval"/>, evenly spaced, for <paramref name="During"/>.</summary>
public sealed record InjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Inject(rate: {Rate}, interval: {Format(Interval)}, during: {Format(During)})";
}

/// <summary>Ramps the start rate linearly from the previous rate to <paramref name="Rate"/> per <paramref name="Interval"/>.</summary>
public sealed record RampingInjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"RampingInject(rate: {Rate}, interval: {Format(Interval)}, during: {Format(During)})";
}

/// <summary>Each interval starts a random number of iterations between the two rates (inclusive).</summary>
public sealed record InjectRandomSimulation(int MinRate, int MaxRate, TimeSpan Interval, TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"InjectRandom(minRate: {MinRate}, maxRate: {MaxRate}, interval: {Format(Interval)}, during: {Format(During)})";
}

/// <summary>Starts <paramref name="Rate"/> iterations per <paramref name="Interval"/> until <paramref name="Iterations"/> have started.</summary>
public sealed record IterationsForInjectSimulation(int Rate, TimeSpan Interval, long Iterations) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"IterationsForInject(rate: {Rate}, interval: {Format(Interval)}, iterations: {Iterations})";
}

/// <summary>Starts nothing for <paramref name="During"/>; closed-model copies stop.</summary>
public sealed record PauseSimulation(TimeSpan During) : LoadSimulation
{
    /// <inheritdoc/>
    public override string Describe() => $"Pause(during: {Format(During)})";
}
