namespace FleetSim.Harness;

/// <summary>
/// The closed model: copies that loop, one iteration after another. The executor only moves the
/// target number of copies; copy i runs while i is below the target, so lowering the target stops
/// the highest copies after their current iteration and raising it starts them again.
/// </summary>
internal sealed class ClosedModelExecutor(ScenarioRuntime runtime)
{
    // Copies' random streams are apart from the open model's workers'.
    private const int RandomStream = 1;

    private readonly Lock _gate = new();
    private readonly List<bool> _alive = [];
    private readonly List<Task> _tasks = [];
    private int _target;
    private IterationBudget? _budget;

    /// <summary>Every copy task started so far, for the final drain.</summary>
    public IReadOnlyList<Task> Copies
    {
        get
        {
            lock (_gate)
                return [.. _tasks];
        }
    }

    public async Task RunPhaseAsync(ClosedPhase phase, CancellationToken stop)
    {
        if (phase.Iterations is { } iterations)
        {
            await RunIterationsAsync(phase.ToCopies, iterations, stop);
            return;
        }
        var during = phase.During!.Value;
        var start = runtime.Now();
        if (phase.FromCopies == phase.ToCopies)
        {
            SetTarget(phase.ToCopies);
            await Task.Delay(during, runtime.Time, stop);
            return;
        }
        // A ramp: move the target often enough to take every step, but no more often than every 10 ms.
        var step = TimeSpan.FromTicks(Math.Clamp(during.Ticks / (2L * Math.Abs(phase.ToCopies - phase.FromCopies)), TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerMillisecond * 100));
        while (true)
        {
            var elapsed = runtime.Time.GetElapsedTime(start);
            SetTarget(phase.CopiesAt(elapsed));
            if (elapsed >= during)
                return;
            var wait = during - elapsed;
            await Task.Delay(wait < step ? wait : step, runtime.Time, stop);
        }
    }

    public void Stop() => SetTarget(0);

    private async Task RunIterationsAsync(int copies, long iterations, CancellationToken stop)
    {
        Volatile.Write(ref _budget, new IterationBudget(iterations));
        SetTarget(copies);
        try
        {
            // Copies leave when the budget runs out; the phase ends when the last one has.
            await Task.WhenAll(Copies).WaitAsync(stop);
        }
        finally
        {
            Volatile.Write(ref _budget, null);
        }
    }

    private void SetTarget(int copies)
    {
        lock (_gate)
        {
            _target = copies;
            for (int i = 0; i < copies; i++)
            {
                if (i == _alive.Count)
                {
                    _alive.Add(false);
                    _tasks.Add(Task.CompletedTask);
                }
                if (_alive[i])
                    continue;
                _alive[i] = true;
                int index = i;
                // Task.Run: a copy starts on the thread pool, away from any caller's synchronization context.
                _tasks[i] = Task.Run(() => CopyLoopAsync(index));
            }
        }
    }

    private bool ShouldRun(int index)
    {
        if (!runtime.StopRequested && index < Volatile.Read(ref _target))
        {
            var budget = Volatile.Read(ref _budget);
            if (budget is null || budget.TryTake())
                return true;
        }
        lock (_gate)
        {
            // Checked again under the lock: SetTarget may have raised the target meanwhile, and it
            // restarts only copies marked not alive, so a copy must not leave once it is counted on.
            if (!runtime.StopRequested && index < _target && _budget is null)
                return true;
            _alive[index] = false;
            return false;
        }
    }

    private async Task CopyLoopAsync(int index)
    {
        var iterations = new CopyIterations(runtime, runtime.CreateContext(index, RandomStream));
        runtime.CopyStarted();
        try
        {
            while (ShouldRun(index))
            {
                await iterations.Run(runtime.Now(), runtime.Measuring);
                await iterations.YieldIfDue();
            }
        }
        finally
        {
            runtime.CopyStopped();
        }
    }
}
