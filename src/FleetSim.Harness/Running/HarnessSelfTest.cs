namespace FleetSim.Harness;

/// <summary>
/// Measures how many no-op operations a second the harness itself sustains, so that a benchmark can
/// show the harness is not what limits a measurement (the aim: well over 1,000,000 on a laptop).
/// </summary>
public static class HarnessSelfTest
{
    /// <summary>
    /// Runs a closed-model scenario whose iterations each run one no-op step (two recordings, as a
    /// real one-step scenario) for <paramref name="duration"/>, with <paramref name="copies"/> copies
    /// (default: one per core), nothing shown and no reports. Run it in Release.
    /// </summary>
    public static async Task<NoOpRate> MeasureNoOpRate(TimeSpan duration, int? copies = null, CancellationToken cancellationToken = default)
    {
        int copyCount = copies ?? Environment.ProcessorCount;
        var scenario = Scenario.Create("noop", static context => Step.Run("noop", context, 0, static _ => ValueTask.FromResult(Response.Ok())))
            .WithLoadSimulations(Simulation.KeepConstant(copyCount, duration));
        var result = await LoadRunner.Create()
            .RegisterScenarios(scenario)
            .WithConsole(ConsoleMode.Off)
            .WithTestName("harness self-test")
            .RunAsync(cancellationToken);
        var totals = result.Scenario("noop").Totals;
        return new NoOpRate(totals.Count, totals.Duration, copyCount);
    }
}

/// <summary>The self-test's figure.</summary>
/// <param name="Operations">Scenario iterations completed (each ran one step).</param>
/// <param name="Duration">The measured time.</param>
/// <param name="Copies">Copies looping.</param>
public sealed record NoOpRate(long Operations, TimeSpan Duration, int Copies)
{
    /// <summary>Operations per second.</summary>
    public double OperationsPerSecond => Duration > TimeSpan.Zero ? Operations / Duration.TotalSeconds : 0;

    /// <summary>"2,345,678 no-op operations/s (2 copies, 5.0 s)".</summary>
    public override string ToString() =>
        $"{OperationsPerSecond.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} no-op operations/s ({Copies} copies, {Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s)";
}
