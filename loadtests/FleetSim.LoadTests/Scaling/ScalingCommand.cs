using System.CommandLine;
using System.Globalization;
using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Hosting.Processes;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Reading;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Scaling;

/// <summary>
/// `scaling`: the same scenario on an embedded silo, on one silo process and on several, side by
/// side. Exit codes: 0 every configuration kept its thresholds, 1 one did not, 2 bad input or no
/// Redis, 3 a cluster did not start.
/// </summary>
public static class ScalingCommand
{
    public static int Run(string[] args)
    {
        var scenarioFile = new Argument<FileInfo?>("SCENARIO") { Description = "A scenario file; without it, loadtests/scenarios/scaling.json.", Arity = ArgumentArity.ZeroOrOne };
        var silos = new Option<string>("--silos") { Description = "Cluster sizes to measure, comma-separated (the embedded silo is always measured too).", DefaultValueFactory = _ => "1,3" };
        var duration = new Option<string>("--duration") { Description = "Length of the load plan in each configuration, warm-up not included (e.g. 20s).", DefaultValueFactory = _ => "20s" };
        var redis = new Option<string?>("--redis") { Description = $"host:port of the Redis for membership; else {ClusteringRedis.EnvironmentVariable}; else a redis-server started for the run." };
        var output = new Option<string?>("--out") { Description = "Folder for scaling.md, scaling.json and each configuration's reports. Default: reports/scaling-<time>." };
        var command = new RootCommand("""
            The same scenario on an embedded silo (no network), on one silo process and on several
            silo processes of this machine forming one cluster through Redis, reported side by side:
            sessions/s, connect latency, failures, and the ratios to the one-process and embedded figures.
            """)
        {
            scenarioFile, silos, duration, redis, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new List<string>();
            var sizes = ParseSizes(parse.GetValue(silos)!, errors);
            if (!Durations.TryParse(parse.GetValue(duration), out var length) || length <= TimeSpan.Zero)
                errors.Add($"--duration: '{parse.GetValue(duration)}' is not {Durations.Format}");
            var scenario = Read(parse.GetValue(scenarioFile), errors);
            string? siloBuild = null;
            try
            {
                siloBuild = SiloBuild.BesideRunningProgram();
            }
            catch (IOException e)
            {
                errors.Add(e.Message);
            }
            if (errors.Count > 0 || scenario is null || siloBuild is null)
                return Refuse(errors);

            await using var membership = await ClusteringRedis.FindOrStartAsync(parse.GetValue(redis), cancellationToken);
            if (membership is null)
            {
                return Refuse([$"no Redis for the silos' membership: pass --redis host:port, set {ClusteringRedis.EnvironmentVariable}, or install redis-server (apt-get install redis-server) and it is started for the run"]);
            }
            if (!await membership.AnswersAsync(cancellationToken))
                return Refuse([$"Redis at {membership.Endpoint} does not answer (--redis host:port, or {ClusteringRedis.EnvironmentVariable})"]);
            Console.Error.WriteLine($"scenario '{scenario.Spec.Name}': {scenario.Fleet.Servers.Count:N0} servers; Redis {membership.Endpoint}{(membership.Started ? " (started for this run)" : "")}");
            Console.Error.WriteLine(ScalingReport.Caveat());

            var options = new ScalingOptions(scenario, sizes, length,
                parse.GetValue(output) ?? Path.Combine("reports", $"scaling-{DateTime.Now:yyyyMMdd-HHmmss}"), string.Join(' ', args.Prepend("scaling")));
            IReadOnlyList<ScalingFigure> figures;
            try
            {
                figures = await new ScalingRun(options, membership.Endpoint, siloBuild).RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is ClusterUnreachableException or TimeoutException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: a cluster did not start: {e.Message}");
                return 3;
            }
            catch (FleetSpecException e)
            {
                // The fleet directory refused what the scenario reader let through.
                return Refuse(e.Errors.Select(error => $"{e.SourceName}: {error}"));
            }
            ScalingReport.Write(figures, options);
            return figures.All(f => f.Passed) ? 0 : 1;
        });
        return command.Parse(args).Invoke();
    }

    private static List<int> ParseSizes(string text, List<string> errors)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 16)
                sizes.Add(size);
            else
                errors.Add($"--silos: '{part}' is not a number of silo processes from 1 to 16");
        }
        if (sizes.Count == 0 && errors.Count == 0)
            errors.Add("--silos: name at least one cluster size, e.g. 1,3");
        return [.. sizes.Distinct()];
    }

    private static ScenarioFile? Read(FileInfo? file, List<string> errors)
    {
        var path = file?.FullName ?? Path.Combine(SiloBuild.Repository(new DirectoryInfo(AppContext.BaseDirectory)), "loadtests", "scenarios", "scaling.json");
        try
        {
            var scenario = ScenarioReader.ReadFile(path);
            for (var i = 0; i < scenario.Spec.Thresholds.Count; i++)
            {
                try
                {
                    Threshold.Parse(scenario.Spec.Thresholds[i]);
                }
                catch (ThresholdParseException e)
                {
                    errors.Add($"{scenario.Source}: thresholds[{i}]: {e.Message}");
                }
            }
            return scenario;
        }
        catch (FleetSpecException e)
        {
            errors.AddRange(e.Errors.Select(error => $"{e.SourceName}: {error}"));
        }
        catch (IOException e)
        {
            errors.Add($"{path}: {e.Message}");
        }
        return null;
    }

    private static int Refuse(IEnumerable<string> errors)
    {
        foreach (var error in errors)
            Console.Error.WriteLine($"error: {error}");
        return 2;
    }
}
