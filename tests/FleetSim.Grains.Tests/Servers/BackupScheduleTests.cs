using FleetSim.Grains.Servers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetSim.Grains.Tests.Servers;

/// <summary>
/// When a server takes backup snapshots, on a fake clock: one per change, stamped with when the
/// change was made; a failed one retried a period later until it is taken; none, and no timer,
/// for a server that did not change.
/// </summary>
public sealed class BackupScheduleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private readonly List<DateTimeOffset> _taken = [];
    private int _retriesAsked;
    private int _failuresLeft;

    private BackupSchedule Schedule() => new("contoso", _clock, Take, () => _retriesAsked++, NullLogger.Instance);

    private Task Take(DateTimeOffset at)
    {
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new TimeoutException("the backup store did not answer");
        }
        _taken.Add(at);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_change_is_snapshotted_at_once_stamped_with_when_it_was_made()
    {
        var schedule = Schedule();
        var first = _clock.GetUtcNow();

        await schedule.Changed();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await schedule.Changed();

        Assert.Equal([first, first.AddMinutes(1)], _taken);
        Assert.False(schedule.Pending);
    }

    [Fact]
    public async Task A_server_that_did_not_change_takes_no_snapshot_and_asks_for_no_timer()
    {
        var schedule = Schedule();
        await schedule.Changed();

        _clock.Advance(TimeSpan.FromHours(5));
        Assert.False(await schedule.Retry());

        Assert.Single(_taken);
        Assert.Equal(0, _retriesAsked);
    }

    [Fact]
    public async Task A_failed_snapshot_reaches_the_caller_and_is_retried_a_period_later_stamped_with_the_change()
    {
        var schedule = Schedule();
        var changedAt = _clock.GetUtcNow();
        _failuresLeft = 1;

        await Assert.ThrowsAsync<TimeoutException>(schedule.Changed);
        Assert.Equal((true, 1), (schedule.Pending, _retriesAsked));

        _clock.Advance(BackupSchedule.RetryPeriod);
        await schedule.Retry();

        Assert.Equal([changedAt], _taken);
        Assert.Equal((false, 1), (schedule.Pending, _retriesAsked));
    }

    [Fact]
    public async Task A_retry_that_fails_again_asks_for_another()
    {
        var schedule = Schedule();
        _failuresLeft = 2;
        await Assert.ThrowsAsync<TimeoutException>(schedule.Changed);

        await schedule.Retry();

        Assert.Equal((true, 2), (schedule.Pending, _retriesAsked));
        Assert.Empty(_taken);
    }

    [Fact]
    public async Task A_deleted_server_takes_no_pending_snapshot()
    {
        var schedule = Schedule();
        _failuresLeft = 1;
        await Assert.ThrowsAsync<TimeoutException>(schedule.Changed);

        schedule.Stop();
        await schedule.Retry();

        Assert.Empty(_taken);
    }
}
