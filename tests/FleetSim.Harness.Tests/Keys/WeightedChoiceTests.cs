using CsCheck;

namespace FleetSim.Harness.Tests.Keys;

public class WeightedChoiceTests
{
    [Fact]
    public void Draws_in_proportion_to_the_weights()
    {
        Gen.Select(Gen.Double[0, 10].Array[1, 6], Gen.Int).Where((weights, _) => weights.Sum() > 0.5).Sample((weights, seed) =>
        {
            var choice = new WeightedChoice<int>(weights.Select((weight, i) => (i, weight)));
            var random = new Random(seed);
            const int Draws = 20_000;
            var counts = new int[weights.Length];
            for (int i = 0; i < Draws; i++)
                counts[choice.Next(random)]++;
            double total = weights.Sum();
            for (int i = 0; i < weights.Length; i++)
            {
                double p = weights[i] / total;
                double sigma = Math.Sqrt(p * (1 - p) / Draws);
                Assert.InRange((double)counts[i] / Draws, p - (6 * sigma) - 1e-9, p + (6 * sigma) + 1e-9);
            }
        }, iter: 40);
    }

    [Fact]
    public void A_zero_weight_is_never_drawn()
    {
        var choice = new WeightedChoice<string>([("connect", 1), ("never", 0), ("query", 1)]);
        var random = new Random(3);

        Assert.DoesNotContain("never", Enumerable.Range(0, 10_000).Select(_ => choice.Next(random)));
        Assert.Equal(0, choice.Probability(1));
    }

    [Fact]
    public void Weights_that_cannot_choose_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WeightedChoice<int>([]));
        Assert.Throws<ArgumentException>(() => new WeightedChoice<int>([(1, 0), (2, 0)]));
        Assert.Throws<ArgumentException>(() => new WeightedChoice<int>([(1, -1), (2, 3)]));
        Assert.Throws<ArgumentException>(() => new WeightedChoice<int>([(1, double.NaN)]));
    }
}
