namespace FleetSim.Harness.Tests.Keys;

public class UniformKeysTests
{
    [Fact]
    public void Every_key_is_drawn_about_equally()
    {
        var keys = new UniformKeys(10);
        var random = new Random(5);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++)
            counts[keys.Next(random)]++;

        Assert.All(counts, count => Assert.InRange(count, 9_000, 11_000));
    }
}
