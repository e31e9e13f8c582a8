namespace FleetSim.Grains;

/// <summary>
/// A grain timer that fires once, at a moment that may move: aimed again whenever the moment
/// changes, and idle (no scheduler turns) while there is none.
/// </summary>
internal sealed class DueTimer(IGrainBase grain, TimeProvider clock, Func<Task> work)
{
    private IGrainTimer? _timer;

    /// <summary>Fires at <paramref name="due"/> (at once if it has passed); null stops the timer.</summary>
    public void At(DateTimeOffset? due)
    {
        if (due is not { } at)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var delay = at - clock.GetUtcNow();
        delay = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
        if (_timer is null)
            _timer = grain.RegisterGrainTimer(work, new GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan));
        else
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
    }
}
