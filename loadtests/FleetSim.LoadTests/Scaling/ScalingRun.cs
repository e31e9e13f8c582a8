using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Policy.Validation;
using FleetSim.Runs;

namespace FleetSim.LoadTests.Scaling;

/// <summary>
/// Plays the same scenario on the embedded silo and on each cluster size, one after the other in
/// one run, so that every ratio compares figures taken on the same machine minutes apart.
/// </summary>
public sealed class ScalingRun(ScalingOptions options, string redis, string siloBuild)
{
    public async Task<IReadOnlyList<ScalingFigure>> RunAsync(CancellationToken cancellationToken)
    {
        // The silos' stores only matter while they run; the reports are what is kept.
        var data = Directory.CreateTempSubdirectory("fleetsim-scaling-");
        try
        {
            var figures = new List<ScalingFigure>();
            foreach (var configuration in options.SiloProcesses.Select(n => new ScalingConfiguration(n)).Prepend(ScalingConfiguration.Embedded))
                figures.Add(await MeasureAsync(configuration, Directory.CreateDirectory(Path.Combine(data.FullName, configuration.FolderName)).FullName, cancellationToken));
            return ScalingFigure.WithRatios(figures);
        }
        finally
        {
            try
            {
                data.Delete(recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"note: could not remove {data.FullName}: {e.Message}");
            }
        }
    }

    private async Task<ScalingFigure> MeasureAsync(ScalingConfiguration configuration, string dataFolder, CancellationToken cancellationToken)
    {
        var scenario = options.Scenario;
        var reports = Path.Combine(options.OutputFolder, configuration.FolderName);
        Console.Error.WriteLine($"{configuration.Name}: starting");
        await using var host = await OpenAsync(configuration, dataFolder, cancellationToken);
        var provisioned = await host.ProvisionAsync(scenario.Fleet);
        if (!provisioned.Succeeded)
            throw new FleetSpecException(scenario.Source, provisioned.Errors);

        var result = await LoadRunner.Create()
            .WithTestName(scenario.Spec.Name!)
            .RegisterScenarios(FleetScenario.Create(scenario, host.Connector, provisioned.Version, options.Duration))
            .WithThresholds([.. scenario.Spec.Thresholds])
            .WithReportFolder(reports)
            .WithConsole(ConsoleMode.Off)
            .RunAsync(cancellationToken);
        var entrySilos = host is LocalCluster cluster ? await cluster.EntrySilosAsync() : 1;
        var figure = ScalingFigure.From(configuration, entrySilos, result, scenario.Spec.Name!, reports);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{configuration.Name}: {figure.SessionsPerSecond:N0} sessions/s through {entrySilos} silo(s), connect p99 {figure.ConnectP99Ms:0.###} ms, fail {figure.FailCount:N0}{(result.Passed ? "" : $", NOT PASSED ({result.AbortReason ?? "a threshold broke"})")}"));
        return figure;
    }

    private async Task<IFleetHost> OpenAsync(ScalingConfiguration configuration, string dataFolder, CancellationToken cancellationToken) =>
        configuration.IsEmbedded
            ? await EmbeddedSilo.StartAsync(auditStore: Path.Combine(dataFolder, "audit.db"), cancellationToken: cancellationToken)
            : await LocalCluster.StartAsync(configuration.SiloProcesses, redis, siloBuild, dataFolder, cancellationToken);
}
