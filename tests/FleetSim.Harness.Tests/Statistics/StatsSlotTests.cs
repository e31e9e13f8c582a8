namespace FleetSim.Harness.Tests.Statistics;

public class StatsSlotTests
{
    [Fact]
    public void Concurrent_recording_loses_nothing_while_the_collector_drains()
    {
        var slot = new StatsSlot("connect", null);
        var target = new IntervalBuffer();
        const int Threads = 4, PerThread = 100_000;
        using var done = new CountdownEvent(Threads);
        var writers = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            var ok = Response.Ok();
            var denied = Response.Fail("FirewallDenied");
            for (int i = 0; i < PerThread; i++)
                slot.Record(i % 1000, i % 10 == 0 ? denied : ok);
            done.Signal();
        })).ToArray();
        foreach (var writer in writers)
            writer.Start();
        while (!done.IsSet)
            slot.DrainInto(target);
        slot.DrainInto(target);

        Assert.Equal(Threads * PerThread, target.Count);
        Assert.Equal(Threads * PerThread / 10, target.Fail.Count);
        Assert.Equal(Threads * PerThread / 10, target.Outcomes.ToList().Single(o => o.StatusCode == "FirewallDenied").Count);
        Assert.Equal(999, target.Ok.MaxMicroseconds);
    }

    [Fact]
    public void Percentiles_come_from_the_histogram_and_min_max_mean_are_exact()
    {
        var tally = new LatencyTally();
        for (int us = 1; us <= 10_000; us++)
            tally.Record(us * 10L);

        var stats = tally.ToStats();

        Assert.Equal(10_000, stats.Count);
        Assert.Equal(0.01, stats.MinMs);
        Assert.Equal(100, stats.MaxMs);
        Assert.Equal(50.005, stats.MeanMs, 6);
        Assert.Equal(50, stats.P50Ms, 0.1); // three significant digits
        Assert.Equal(99, stats.P99Ms, 0.1);
        Assert.Equal(99.9, stats.P999Ms, 0.1);
    }

    [Fact]
    public void Latencies_beyond_an_hour_are_clamped_not_thrown()
    {
        var tally = new LatencyTally();
        tally.Record(long.MaxValue);
        tally.Record(-5);

        Assert.Equal(LatencyTally.HighestTrackableMicroseconds / 1000d, tally.ToStats().MaxMs);
        Assert.Equal(0, tally.ToStats().MinMs);
    }

    [Fact]
    public void Outcomes_are_counted_by_status_and_result_most_frequent_first()
    {
        var tally = new OutcomeTally();
        tally.Record("OK", false);
        tally.Record("FirewallDenied", true);
        tally.Record("FirewallDenied", true);
        tally.Record(new string("FirewallDenied".AsSpan()), true); // equal text, another instance
        tally.Record("FirewallDenied", false);

        Assert.Equal(
            [new OutcomeCount("FirewallDenied", true, 3), new OutcomeCount("FirewallDenied", false, 1), new OutcomeCount("OK", false, 1)],
            tally.ToList());
    }
}
