namespace FleetSim.Harness.Tests.Running;

public class HarnessSelfTestTests
{
    [Fact]
    public async Task The_self_test_counts_no_op_operations()
    {
        // The rate depends on the machine: this only checks that the self-test runs and counts.
        var rate = await HarnessSelfTest.MeasureNoOpRate(TimeSpan.FromMilliseconds(200), copies: 2, TestContext.Current.CancellationToken);

        Assert.True(rate.Operations > 0);
        Assert.Equal(2, rate.Copies);
        Assert.True(rate.OperationsPerSecond > 0);
    }
}
