using BenchmarkDotNet.Running;
using FleetSim.LoadTests.Bench;
using FleetSim.LoadTests.Benchmarks;
using FleetSim.LoadTests.CheckInputs;
using FleetSim.LoadTests.Pieces;
using FleetSim.LoadTests.Scale;
using FleetSim.LoadTests.Scaling;
using FleetSim.LoadTests.Scenarios;
using FleetSim.LoadTests.Store;
using FleetSim.LoadTests.WhatIf;
using FleetSim.LoadTests.Wire;

// One verb per kind of load: add a line here for a new one. The arguments after the verb belong to
// it (for benchmarks, BenchmarkDotNet's own options such as --filter or --job dry).
var verbs = new SortedDictionary<string, (string Description, Func<string[], int> Run)>(StringComparer.Ordinal)
{
    ["bench"] = ("FleetSim's connection path as a ratio of the engine floor, measured in one run", BenchCommand.Run),
    ["connect-storm"] = ("a C# scenario: logins injected at RATE/s (default 2000) on a Zipf-hot fleet", args => ConnectStorm.Run(args).GetAwaiter().GetResult()),
    ["scaling"] = ("the same scenario on an embedded silo, one silo process and three, side by side", ScalingCommand.Run),
    ["pieces"] = ("what each piece of a connection's work costs on one thread (policy, records, serialization, store)", PiecesCommand.Run),
    ["scale"] = ("cost curves: connections/s and memory per server by fleet size and by rules per server (PNG)", ScaleCommand.Run),
    ["store"] = ("the SQLite audit store's appends against a raw SQLite insert loop of the same rows", StoreCommand.Run),
    ["gen-check"] = ("a fleet (servers with 20-128 rules) and an attempts file for timing `fleetsim check`", GenCheckCommand.Run),
    ["wire"] = ("connections/s through FleetSim's MariaDB listener and a real MariaDB server, same clients, one run", WireBenchCommand.Run),
    ["whatif"] = ("`fleetsim whatif` over 1,000,000 attempts from a file, a SQLite store and Redis, against a JSON-parse floor", WhatIfBenchCommand.Run),
    ["firewall"] = ("compiled firewall matcher vs the linear scan (BenchmarkDotNet)", RunBenchmark<FirewallMatchBenchmark>),
};

// The wire verb's load client, which it runs as a process of its own: not a verb for people.
if (args is [ConnectorLoad.Verb, .. var clientArgs])
    return ConnectorLoad.Run(clientArgs);

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    if (args.Length > 0)
        Console.Error.WriteLine($"Unknown verb '{args[0]}'.");
    Console.Error.WriteLine("Usage: dotnet run -c Release --project loadtests/FleetSim.LoadTests -- <verb> [options]");
    foreach (var (name, (description, _)) in verbs)
        Console.Error.WriteLine($"  {name,-12} {description}");
    return 2;
}
return verb.Run(args[1..]);

static int RunBenchmark<TBenchmark>(string[] options)
{
    var summary = BenchmarkRunner.Run<TBenchmark>(args: options);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success) ? 1 : 0;
}
