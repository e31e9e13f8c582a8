namespace FleetSim.Policy.Tests;

public class Smoke
{
    [Fact]
    public void Works() => Assert.Equal(4, 2 + 2);
}
