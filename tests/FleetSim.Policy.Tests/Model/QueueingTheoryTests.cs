using FleetSim.Policy.Model;

namespace FleetSim.Policy.Tests.Model;

/// <summary>Queueing theory is the oracle: a worker queue fed Poisson arrivals waits as the formulas say.</summary>
public sealed class QueueingTheoryTests
{
    private const int Requests = 2_000_000;
    private const int WarmUp = 20_000;
    private const double Tolerance = 0.05;

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(1, 0.5)]
    [InlineData(1, 0.7)]
    [InlineData(1, 0.9)]
    [InlineData(2, 0.3)]
    [InlineData(2, 0.6)]
    [InlineData(2, 0.9)]
    [InlineData(4, 0.3)]
    [InlineData(4, 0.5)]
    [InlineData(4, 0.7)]
    [InlineData(4, 0.9)]
    public void With_exponential_service_the_mean_wait_matches_Erlang_C(int workers, double utilisation)
    {
        const double meanServiceMs = 1;
        var arrivalRate = utilisation * workers / meanServiceMs;
        var measured = MeanWait(workers, arrivalRate, ServiceTime.Exponential(meanServiceMs));
        AssertClose(ErlangCWait(workers, arrivalRate, 1 / meanServiceMs), measured);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.7)]
    [InlineData(0.9)]
    public void With_one_worker_and_constant_service_the_mean_wait_matches_Pollaczek_Khinchine(double utilisation)
    {
        const double serviceMs = 2;
        var serviceRate = 1 / serviceMs;
        var measured = MeanWait(1, utilisation * serviceRate, ServiceTime.Constant(serviceMs));
        AssertClose(utilisation / (2 * serviceRate * (1 - utilisation)), measured);
    }

    [Fact]
    public void A_lognormal_service_time_has_the_mean_and_99th_percentile_it_was_given()
    {
        var time = ServiceTime.Lognormal(meanMs: 4, p99Ms: 20);
        var sampler = new ModelSampler(7);
        var samples = Enumerable.Range(0, 400_000).Select(i => sampler.Sample(time, (ulong)i, ModelStage.Server)).Order().ToArray();
        AssertClose(4, samples.Average());
        AssertClose(20, samples[(int)(samples.Length * 0.99)]);
    }

    // Service times come from the model's own sampler; arrivals from a sampler of another seed.
    private static double MeanWait(int workers, double arrivalRate, ServiceTime service)
    {
        var queue = new WorkerQueue(workers);
        var arrivals = new ModelSampler(20261130);
        var sampler = new ModelSampler(1);
        var t = 0.0;
        var total = 0.0;
        for (var i = 0; i < Requests; i++)
        {
            t += -Math.Log(arrivals.Uniform((ulong)i, ModelStage.Network)) / arrivalRate;
            var wait = queue.Serve(t, sampler.Sample(service, (ulong)i, ModelStage.Server));
            if (i >= WarmUp)
                total += wait;
        }
        return total / (Requests - WarmUp);
    }

    /// <summary>Erlang C, as WIRE.md spells it: P(wait) / (c*mu - lambda).</summary>
    private static double ErlangCWait(int workers, double arrivalRate, double serviceRate)
    {
        var offered = arrivalRate / serviceRate;
        var utilisation = offered / workers;
        var sum = 0.0;
        var term = 1.0;
        for (var k = 0; k < workers; k++)
        {
            sum += term;
            term *= offered / (k + 1);
        }
        var top = term / (1 - utilisation);
        return top / (sum + top) / (workers * serviceRate - arrivalRate);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Tolerance * expected, $"expected {expected:F4} within {Tolerance:P0}, measured {actual:F4}");
}
