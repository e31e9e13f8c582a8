using System.Threading.Channels;

namespace FleetSim.Harness;

/// <summary>
/// The open model: a dispatcher starts iterations at their intended times, by the clock, whatever
/// the responses; workers (copies) take them from a queue. When every worker is busy an iteration
/// waits, and that wait counts in its latency, which runs from the intended start (no coordinated
/// omission). Workers are added on demand up to the scenario's maximum; an iteration still waiting
/// past the maximum start delay is dropped instead of run.
/// </summary>
internal sealed class OpenModelExecutor
{
    private readonly ScenarioRuntime _runtime;
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly List<Task> _workers = [];
    private readonly long _maxStartDelay;
    private readonly long _lateAfter;
    private readonly TimeSpan _minimumWait = TimeSpan.FromMilliseconds(1);
    private int _idle;
    private long _pending;
    private int _phaseNumber;
    private long _scheduled;

    public OpenModelExecutor(ScenarioRuntime runtime)
    {
        _runtime = runtime;
        _maxStartDelay = runtime.ToTimestampTicks(runtime.Scenario.MaxStartDelay);
        _lateAfter = runtime.ToTimestampTicks(runtime.Scenario.LateAfter);
    }

    /// <summary>Every worker task, for the final drain.</summary>
    public IReadOnlyList<Task> Workers
    {
        get
        {
            lock (_workers)
                return [.. _workers];
        }
    }

    // phaseStart: where the phase before it was planned to end, so that the schedule does not drift with the timers.
    public async Task RunPhaseAsync(OpenPhase phase, bool measured, long phaseStart, CancellationToken stop)
    {
        // Each phase draws its own random rates, the same in every run.
        int seed = _runtime.Scenario.RandomSeed + (31 * ++_phaseNumber);
        foreach (var offset in InjectSchedule.StartTimes(phase, seed))
        {
            long due = phaseStart + _runtime.ToTimestampTicks(offset);
            await WaitUntilAsync(due, stop);
            Dispatch(due, measured);
        }
        if (phase.During is { } during)
            await WaitUntilAsync(phaseStart + _runtime.ToTimestampTicks(during), stop);
    }

    /// <summary>No more iterations: workers finish the queue (dropping what is too late) and leave.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async ValueTask WaitUntilAsync(long due, CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        long now = _runtime.Now();
        if (due <= now)
            return;
        // Timers tick in milliseconds: a shorter wait would return at once and spin, so wait at least
        // one; the iterations that fall due meanwhile are dispatched together on waking, and their
        // latency still counts from their own intended start.
        var wait = _runtime.Time.GetElapsedTime(now, due);
        await Task.Delay(wait < _minimumWait ? _minimumWait : wait, _runtime.Time, stop);
    }

    private void Dispatch(long intendedStart, bool measured)
    {
        _queue.Writer.TryWrite(new WorkItem(intendedStart, measured, _scheduled++));
        long pending = Interlocked.Increment(ref _pending);
        // Racy by design: a worker too many or too few for a moment corrects itself at the next dispatch.
        if (pending > Volatile.Read(ref _idle))
            TryAddWorker();
    }

    private void TryAddWorker()
    {
        lock (_workers)
        {
            if (_workers.Count >= _runtime.Scenario.MaxConcurrentCopies)
                return;
            int index = _workers.Count;
            _workers.Add(Task.Run(() => WorkerAsync(index)));
        }
    }

    private async Task WorkerAsync(int index)
    {
        var iterations = new CopyIterations(_runtime, _runtime.CreateScheduledContext(index));
        var reader = _queue.Reader;
        while (true)
        {
            Interlocked.Increment(ref _idle);
            bool more;
            try
            {
                more = await reader.WaitToReadAsync();
            }
            finally
            {
                Interlocked.Decrement(ref _idle);
            }
            if (!more)
                return;
            while (reader.TryRead(out var item))
            {
                Interlocked.Decrement(ref _pending);
                if (_runtime.StopRequested)
                    continue; // the run is stopping: what was queued is not started
                long delay = _runtime.Now() - item.IntendedStart;
                if (delay > _maxStartDelay)
                {
                    _runtime.CountDropped(item.Measured);
                    continue;
                }
                if (delay > _lateAfter)
                    _runtime.CountLate(item.Measured);

                _runtime.CopyStarted();
                await iterations.Run(item.IntendedStart, item.Measured, item.Number);
                _runtime.CopyStopped();
                await iterations.YieldIfDue();
            }
        }
    }

    // Number: its place in the schedule, from 0 across phases.
    private readonly record struct WorkItem(long IntendedStart, bool Measured, long Number);
}
