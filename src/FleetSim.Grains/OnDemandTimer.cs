namespace FleetSim.Grains;

/// <summary>
/// A grain timer that runs only while there is work for it: armed when work appears, it fires
/// once after its period, and re-arms itself only when its work reports some left. An idle grain
/// then has no timer ticking (many thousands of idle servers cost no scheduler turns).
/// </summary>
internal sealed class OnDemandTimer(IGrainBase grain, Func<Task<bool>> work, TimeSpan period, bool interleave = false)
{
    private IGrainTimer? _timer;
    private bool _armed;

    public void Arm()
    {
        if (_armed)
            return;
        _armed = true;
        if (_timer is null)
            _timer = grain.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(period, Timeout.InfiniteTimeSpan) { Interleave = interleave });
        else
            _timer.Change(period, Timeout.InfiniteTimeSpan);
    }

    private async Task Tick()
    {
        _armed = false;
        if (await work())
            Arm();
    }
}
