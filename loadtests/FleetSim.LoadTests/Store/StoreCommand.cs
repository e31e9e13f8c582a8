using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FleetSim.AuditStore;
using FleetSim.LoadTests.Bench;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Store;

/// <summary>
/// `store`: the SQLite audit store's append rate against a raw insert loop of the same rows into
/// the same tables, rounds alternated in one run; the ratio is what the store's own code costs.
/// </summary>
public static class StoreCommand
{
    public static int Run(string[] args)
    {
        var duration = new Option<string>("--duration") { Description = "Length of each measured round (e.g. 3s).", DefaultValueFactory = _ => "3s" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per appender; the median is reported.", DefaultValueFactory = _ => 3 };
        var command = new RootCommand($"""
            The SQLite audit store's appends (batches of {StoreFloor.ConnectionsPerBatch:N0} connections, 3 rows each, as the
            sinks write) against a raw SQLite insert loop of the same rows, in connections per second.
            """)
        {
            duration, rounds,
        };
        command.SetAction(async (parse, _) =>
        {
            if (!Durations.TryParse(parse.GetValue(duration), out var length))
            {
                Console.Error.WriteLine($"error: --duration: '{parse.GetValue(duration)}' is not {Durations.Format}");
                return 2;
            }
            await Measure(length, parse.GetValue(rounds));
            return 0;
        });
        return command.Parse(args).Invoke();
    }

    private static async Task Measure(TimeSpan duration, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-store-");
        try
        {
            var servers = Enumerable.Range(0, 1000)
                .Select(i => ($"westeurope-{i:0000}", "westeurope", $"fleetadmin@westeurope-{i:0000}", $"20.{i / 250}.{i % 250}.7"))
                .ToList();
            var batches = StoreFloor.Batches(servers);
            using var loop = new RawInsertLoop(Path.Combine(folder.FullName, "raw.db"));
            var store = new SqliteAuditStore(Path.Combine(folder.FullName, "store.db"));
            try
            {
                var warmUp = duration / 3;
                RawRate(loop, batches, warmUp);
                await StoreFloor.ConnectionsPerSecond(store, warmUp, batches);
                var rawRounds = new List<double>();
                var storeRounds = new List<double>();
                for (var round = 0; round < rounds; round++)
                {
                    rawRounds.Add(RawRate(loop, batches, duration));
                    storeRounds.Add(await StoreFloor.ConnectionsPerSecond(store, duration, batches));
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}/{rounds}: raw loop {rawRounds[^1]:N0}/s, store {storeRounds[^1]:N0}/s"));
                }
                var (raw, stored) = (Medians.Of(rawRounds), Medians.Of(storeRounds));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

                    {"appender",-10} {"connections/s (median)",24} {"rows/s",12} {"ratio to raw loop",18}
                    {"raw loop",-10} {raw,24:N0} {raw * StoreFloor.RecordsPerConnection,12:N0} {1.0,18:0.00}
                    {"store",-10} {stored,24:N0} {stored * StoreFloor.RecordsPerConnection,12:N0} {stored / raw,18:0.00}
                    """));
            }
            finally
            {
                await store.DisposeAsync();
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static double RawRate(RawInsertLoop loop, IReadOnlyList<ConnectionRows> batches, TimeSpan duration)
    {
        long connections = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            loop.Append(batches[i % batches.Count]);
            connections += batches[i % batches.Count].Connections;
        }
        return connections / stopwatch.Elapsed.TotalSeconds;
    }
}
