using FleetSim.Contracts.Audit;
using FleetSim.Grains.Audit;
using FleetSim.Policy.Audit;

namespace FleetSim.Grains.Tests;

/// <summary>The one buffer behind outboxes and sinks: a batch that did not arrive is never dropped, and order is kept.</summary>
public sealed class AuditBufferTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static AuditRecord Record(long connectionId) => AuditRecord.Connect("contoso", "eastus", At, connectionId, "203.0.113.7", "app", null);

    [Fact]
    public void A_taken_batch_holds_everything_buffered_and_later_records_go_into_the_next()
    {
        var buffer = new AuditBuffer();
        buffer.Add(Record(1));

        var batch = buffer.Take();
        buffer.Add(Record(2));

        Assert.Equal([1L], batch.Records.Select(r => r.ConnectionId));
        Assert.Equal([2L], buffer.Take().Records.Select(r => r.ConnectionId));
    }

    [Fact]
    public void A_batch_put_back_goes_ahead_of_what_arrived_while_it_was_away()
    {
        var buffer = new AuditBuffer();
        buffer.Add(Record(1));
        var failed = buffer.Take();
        buffer.Add(Record(2));

        buffer.PutBack(failed);

        Assert.Equal(2, buffer.Count);
        Assert.Equal([1L, 2L], buffer.Take().Records.Select(r => r.ConnectionId));
    }

    [Fact]
    public void Batches_merge_in_arrival_order()
    {
        var buffer = new AuditBuffer();

        buffer.Add(new AuditBatch([Record(1)], [], []));
        buffer.Add(new AuditBatch([Record(2), Record(3)], [], []));

        Assert.Equal([1L, 2L, 3L], buffer.Take().Records.Select(r => r.ConnectionId));
    }
}
