using FleetSim.Harness.Tests.Running;

namespace FleetSim.Harness.Tests;

/// <summary>The usage the harness is built for, as a host would write it (on a fake clock here).</summary>
public sealed class UsageExampleTests : IDisposable
{
    private readonly string _reports = Path.Combine(Path.GetTempPath(), "fleetsim-usage-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_reports))
            Directory.Delete(_reports, recursive: true);
    }

    [Fact]
    public async Task A_host_defines_a_scenario_runs_it_and_maps_the_result_to_an_exit_code()
    {
        var servers = new ZipfKeys(count: 50, exponent: 1.1);
        var kinds = new WeightedChoice<string>([("connect", 0.9), ("reconnect", 0.1)]);
        long auditRecords = 0;

        var scenario = Scenario.Create("connect", async context =>
            {
                int server = servers.Next(context.Random);
                var kind = kinds.Next(context.Random);
                var step = await Step.Run(kind, context, async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(2), context.TimeProvider);
                    Interlocked.Increment(ref auditRecords);
                    return server == 7 ? Response.Fail("FirewallDenied") : Response.Ok(sizeBytes: 120);
                });
                return step;
            })
            .WithInit(_ => Task.CompletedTask)
            .WithClean(_ => Task.CompletedTask)
            .WithWarmUpDuration(TimeSpan.FromSeconds(1))
            .WithMaxFailCount(1000)
            .NeverDropping()
            .WithLoadSimulations(
                Simulation.RampingInject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(1)),
                Simulation.Inject(rate: 50, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(2)),
                Simulation.Pause(TimeSpan.FromMilliseconds(500)),
                Simulation.KeepConstant(copies: 2, during: TimeSpan.FromSeconds(1)));

        var result = await Running.FakeClock.RunAsync(LoadRunner.Create()
            .RegisterScenarios(scenario)
            .WithTestName("connect-storm")
            .WithThresholds("connect.p99 < 50ms", "fail.rate < 0.5")
            .WithSummaryNotes(() => [new SummaryNote("audit records written", auditRecords.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))])
            .WithReportFolder(_reports)
            .WithReportingInterval(TimeSpan.FromSeconds(1)), step: TimeSpan.FromMilliseconds(20));

        Assert.Equal(0, result.ExitCode);
        var connect = result.Scenario("connect");
        Assert.Contains(connect.Steps, step => step.Step == "connect");
        Assert.Contains(connect.Totals.Outcomes, outcome => outcome.StatusCode == "FirewallDenied");
        Assert.Equal(7, result.ReportFiles.Count); // html, md, json, txt and three CSVs
        Assert.Contains("audit records written", result.FormatSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reporting_interval_of_several_seconds_gives_one_row_per_interval()
    {
        var scenario = Scenario.Create("slow-report", _ => ValueTask.FromResult(Response.Ok()))
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 10, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(4)));

        var result = await Running.FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario)
            .WithReportingInterval(TimeSpan.FromSeconds(2)), step: TimeSpan.FromMilliseconds(20));

        var rows = result.History.Where(row => row.Scenario == "all").ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, row => Assert.InRange(row.Duration, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(2.1)));
        Assert.Equal(40, rows.Sum(row => row.OkCount));
    }
}
