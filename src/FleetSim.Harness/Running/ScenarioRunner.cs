namespace FleetSim.Harness;

/// <summary>Runs one scenario's phases in order: the warm-up, then the measured chain, then the drain.</summary>
internal sealed class ScenarioRunner(ScenarioRuntime runtime, TimeSpan gracefulStop)
{
    private readonly ClosedModelExecutor _closed = new(runtime);
    private readonly OpenModelExecutor _open = new(runtime);

    // Where the next phase starts: where the one before was planned to end, or now after a phase
    // whose length the engine decides (a closed model's, or a number of iterations).
    private long? _plannedStart;

    public async Task RunAsync()
    {
        var stop = runtime.Control.StopToken;
        try
        {
            var scenario = runtime.Scenario;
            runtime.BeginSchedule();
            _plannedStart = runtime.ScheduleStart;
            if (scenario.WarmUpDuration > TimeSpan.Zero)
                await RunPhaseAsync(LoadPlan.WarmUp(scenario.LoadSimulations[0], scenario.WarmUpDuration), measured: false, stop);
            runtime.BeginMeasuring();
            foreach (var phase in runtime.Plan)
                await RunPhaseAsync(phase, measured: true, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run was aborted or cancelled: stop starting iterations and drain what runs.
        }
        finally
        {
            if (!runtime.Measuring)
                runtime.BeginMeasuring(); // aborted during warm-up: an empty measured span, not a missing one
            runtime.EndMeasuring();
            _closed.Stop();
            _open.Complete();
            await DrainAsync();
        }
    }

    private async Task RunPhaseAsync(PlannedPhase phase, bool measured, CancellationToken stop)
    {
        var start = _plannedStart ?? runtime.Now();
        _plannedStart = null;
        switch (phase)
        {
            case ClosedPhase closed:
                await _closed.RunPhaseAsync(closed, stop);
                break;
            case OpenPhase open:
                _closed.Stop();
                await _open.RunPhaseAsync(open, measured, start, stop);
                if (open.During is { } during)
                    _plannedStart = start + runtime.ToTimestampTicks(during);
                break;
            case PausePhase pause:
                _closed.Stop();
                var end = start + runtime.ToTimestampTicks(pause.Pause);
                var left = runtime.Time.GetElapsedTime(runtime.Now(), end);
                if (left > TimeSpan.Zero)
                    await Task.Delay(left, runtime.Time, stop);
                _plannedStart = end;
                break;
        }
    }

    /// <summary>
    /// Lets running iterations finish, up to the graceful stop; then cancels their token and
    /// abandons them, so that a hung call cannot hold the run open (runs are bounded).
    /// </summary>
    private async Task DrainAsync()
    {
        var running = _closed.Copies.Concat(_open.Workers).Where(task => !task.IsCompleted).ToArray();
        if (running.Length == 0)
            return;
        try
        {
            await Task.WhenAll(running).WaitAsync(gracefulStop, runtime.Time);
        }
        catch (TimeoutException)
        {
            runtime.AbandonedCopies = runtime.ActiveCopies;
            runtime.CancelIterations();
        }
    }
}
