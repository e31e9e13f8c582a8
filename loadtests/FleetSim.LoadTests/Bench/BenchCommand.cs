using System.CommandLine;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Bench;

public static class BenchCommand
{
    public static int Run(string[] args)
    {
        var duration = new Option<string>("--duration") { Description = "Length of each measured round (e.g. 5s).", DefaultValueFactory = _ => "5s" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per measurement; the median is reported.", DefaultValueFactory = _ => 3 };
        var concurrency = new Option<int>("--concurrency") { Description = "Connections in flight.", DefaultValueFactory = _ => 512 };
        var servers = new Option<int>("--servers-per-region") { Description = "Generated servers per region (two regions).", DefaultValueFactory = _ => 500 };
        var output = new Option<string>("--out") { Description = "Folder for bench.json.", DefaultValueFactory = _ => "." };
        var only = new Option<string?>("--only")
        {
            Description = "Measure one FleetSim figure with its floors, e.g. under a profiler: fleetsim, audit-off or acknowledged. Default: all three.",
        };
        only.AcceptOnlyFromAmong([.. BenchRun.FleetFigures.Select(f => f.Name)]);
        var command = new RootCommand("""
            FleetSim's benchmark: the engine floor (the same grain hops with empty methods) and FleetSim's
            connection path, measured in one run and reported as a ratio, plus bench.json.
            """)
        {
            duration, rounds, concurrency, servers, output, only,
        };
        command.SetAction(async (parse, _) =>
        {
            if (!Durations.TryParse(parse.GetValue(duration), out var length))
            {
                Console.Error.WriteLine($"error: --duration: '{parse.GetValue(duration)}' is not {Durations.Format}");
                return 2;
            }
            var options = new BenchOptions(length, parse.GetValue(rounds), parse.GetValue(concurrency), parse.GetValue(servers), parse.GetValue(output)!, parse.GetValue(only));
            var figures = await new BenchRun(options).RunAsync();
            BenchRun.Report(figures, options);
            return 0;
        });
        return command.Parse(args).Invoke();
    }
}
