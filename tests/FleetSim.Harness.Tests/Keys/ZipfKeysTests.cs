using CsCheck;

namespace FleetSim.Harness.Tests.Keys;

public class ZipfKeysTests
{
    [Fact]
    public void Probabilities_fall_with_rank_and_add_up_to_one()
    {
        Gen.Select(Gen.Int[1, 2000], Gen.Double[0.01, 3]).Sample((count, exponent) =>
        {
            var zipf = new ZipfKeys(count, exponent);
            double sum = 0;
            for (int k = 0; k < count; k++)
            {
                sum += zipf.Probability(k);
                if (k > 0)
                    Assert.True(zipf.Probability(k) < zipf.Probability(k - 1), $"rank {k + 1} is not rarer than rank {k}");
            }
            Assert.Equal(1, sum, 9);
        });
    }

    [Fact]
    public void Probabilities_follow_the_power_law()
    {
        var zipf = new ZipfKeys(100, 1.2);

        // p(k) / p(1) = 1 / k^s
        Assert.Equal(1 / Math.Pow(10, 1.2), zipf.Probability(9) / zipf.Probability(0), 9);
    }

    [Fact]
    public void Sampled_frequencies_are_ordered_by_rank()
    {
        Gen.Select(Gen.Int[2, 8], Gen.Double[0.8, 2], Gen.Int).Sample((count, exponent, seed) =>
        {
            var zipf = new ZipfKeys(count, exponent);
            var random = new Random(seed);
            var counts = new int[count];
            for (int i = 0; i < 200_000; i++)
                counts[zipf.Next(random)]++;
            // With these ranks' gaps and 200,000 draws, an inversion is many standard deviations away.
            for (int k = 1; k < count; k++)
                Assert.True(counts[k] < counts[k - 1], $"key {k} drawn {counts[k]} times, key {k - 1} {counts[k - 1]} times");
        }, iter: 30);
    }

    [Fact]
    public void Sampled_frequencies_match_the_probabilities()
    {
        Gen.Select(Gen.Int[1, 50], Gen.Double[0, 2], Gen.Int).Sample((count, exponent, seed) =>
        {
            var zipf = new ZipfKeys(count, exponent);
            var random = new Random(seed);
            const int Draws = 20_000;
            var counts = new int[count];
            for (int i = 0; i < Draws; i++)
                counts[zipf.Next(random)]++;
            for (int k = 0; k < count; k++)
            {
                double p = zipf.Probability(k);
                double sigma = Math.Sqrt(p * (1 - p) / Draws);
                Assert.InRange((double)counts[k] / Draws, p - (6 * sigma) - 1e-9, p + (6 * sigma) + 1e-9);
            }
        }, iter: 30);
    }

    [Fact]
    public void Exponent_zero_is_uniform()
    {
        var zipf = new ZipfKeys(4, 0);

        Assert.All(Enumerable.Range(0, 4), k => Assert.Equal(0.25, zipf.Probability(k), 12));
    }

    [Fact]
    public void The_same_seed_draws_the_same_keys()
    {
        var zipf = new ZipfKeys(1000, 1.1);
        var first = new Random(42);
        var second = new Random(42);

        Assert.Equal(
            Enumerable.Range(0, 100).Select(_ => zipf.Next(first)),
            Enumerable.Range(0, 100).Select(_ => zipf.Next(second)));
    }

    [Fact]
    public void Keys_stay_in_range()
    {
        var zipf = new ZipfKeys(3, 0.5);
        var random = new Random(1);

        Assert.All(Enumerable.Range(0, 10_000).Select(_ => zipf.Next(random)), key => Assert.InRange(key, 0, 2));
    }
}
