namespace FleetSim.Harness;

/// <summary>
/// Where one scenario's or one step's results are recorded: striped by thread so that copies on
/// different threads do not contend, and drained into one buffer by the collector at each tick.
/// </summary>
internal sealed class StatsSlot
{
    private readonly StatsStripe[] _stripes;
    private readonly int _mask;

    public StatsSlot(string scenario, string? step)
    {
        Scenario = scenario;
        Step = step;
        _stripes = new StatsStripe[StripeIndex.StripeCount];
        for (int i = 0; i < _stripes.Length; i++)
            _stripes[i] = new StatsStripe();
        _mask = _stripes.Length - 1;
    }

    public string Scenario { get; }

    /// <summary>The step's name; null for the scenario's own (iteration) results.</summary>
    public string? Step { get; }

    public void Record(long microseconds, in Response response) =>
        _stripes[StripeIndex.Current & _mask].Record(microseconds, response);

    public void DrainInto(IntervalBuffer target)
    {
        foreach (var stripe in _stripes)
            stripe.DrainInto(target);
    }
}
