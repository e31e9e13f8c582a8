namespace FleetSim.Harness;

/// <summary>Everything recorded for one slot (a scenario or a step) over some span of time.</summary>
internal sealed class IntervalBuffer
{
    public LatencyTally Ok { get; } = new();

    public LatencyTally Fail { get; } = new();

    public OutcomeTally Outcomes { get; } = new();

    public long Bytes { get; private set; }

    public long Count => Ok.Count + Fail.Count;

    public void Record(long microseconds, in Response response)
    {
        if (response.IsError)
            Fail.Record(microseconds);
        else
            Ok.Record(microseconds);
        Outcomes.Record(response.StatusCode, response.IsError);
        Bytes += response.SizeBytes;
    }

    public void Add(IntervalBuffer other)
    {
        if (other.Count == 0)
            return;
        Ok.Add(other.Ok);
        Fail.Add(other.Fail);
        Outcomes.Add(other.Outcomes);
        Bytes += other.Bytes;
    }

    public void Reset()
    {
        Ok.Reset();
        Fail.Reset();
        Outcomes.Reset();
        Bytes = 0;
    }
}
