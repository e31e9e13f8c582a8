using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FleetSim.AuditStore;
using FleetSim.Hosting.Processes;
using FleetSim.LoadTests.CheckInputs;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Spec;

namespace FleetSim.LoadTests.WhatIf;

/// <summary>
/// `whatif`: how long `fleetsim whatif` takes, as a user meets it (a process, wall clock), to replay
/// N attempts against a fleet and a proposal that narrows a few servers' rules: from an attempts
/// file, from a SQLite store and, given one, from Redis. The baseline, measured in the same run, is
/// the floor of reading the same file: every line parsed as JSON, nothing decided.
/// </summary>
public static class WhatIfBenchCommand
{
    public static int Run(string[] args)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Working folder (inputs and stores).", DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(Path.GetTempPath(), "fleetsim-whatif-bench")) };
        var servers = new Option<int>("--servers") { DefaultValueFactory = _ => 1000 };
        var attempts = new Option<int>("--attempts") { DefaultValueFactory = _ => 1_000_000 };
        var changed = new Option<int>("--changed-servers") { Description = "Servers whose rules the proposal halves.", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { Description = "Timed runs per source; the median and the spread are reported.", DefaultValueFactory = _ => 3 };
        var redis = new Option<string?>("--redis") { Description = "host:port of a Redis 7 to measure a replay from (default: FLEETSIM_TEST_REDIS, else skipped)." };
        var command = new RootCommand("Times `fleetsim whatif` over an attempts file, a SQLite store and Redis, against a JSON-parse floor measured in the same run.")
        {
            output, servers, attempts, changed, runs, redis,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            var fleet = GenCheckCommand.Fleet(parse.GetValue(servers), 20, 128, seed: 1);
            var (current, proposed, file) = (Path.Combine(folder.FullName, "fleet.json"), Path.Combine(folder.FullName, "proposed.json"), Path.Combine(folder.FullName, "attempts.jsonl"));
            File.WriteAllText(current, JsonSerializer.Serialize(fleet, GenCheckCommand.Compact));
            File.WriteAllText(proposed, JsonSerializer.Serialize(fleet with
            {
                Servers = [.. fleet.Servers.Select((s, i) => i < parse.GetValue(changed) ? s with { FirewallRules = [.. s.FirewallRules.Take(s.FirewallRules.Count / 2)] } : s)],
            }, GenCheckCommand.Compact));
            GenCheckCommand.WriteAttempts(file, fleet, parse.GetValue(attempts), 0.1, seed: 1);
            var sqlite = Path.Combine(folder.FullName, "audit.db");
            File.Delete(sqlite);
            Store(AuditStores.Open(sqlite), file).GetAwaiter().GetResult();
            var sources = new List<(string Name, string Traffic)> { ("attempts file", file), ("SQLite store", sqlite) };
            if ((parse.GetValue(redis) ?? Environment.GetEnvironmentVariable("FLEETSIM_TEST_REDIS")) is { } host)
            {
                var location = $"redis://{host},prefix=whatif-bench-{Environment.ProcessId}";
                Store(AuditStores.Open(location), file).GetAwaiter().GetResult();
                sources.Add(("Redis store", location));
            }
            var cli = CliBuild();
            var floor = Median(Enumerable.Range(0, parse.GetValue(runs)).Select(_ => ParseFloor(file)).ToList());
            Console.WriteLine(FormattableString.Invariant($"{parse.GetValue(attempts):N0} attempts, {fleet.Servers.Count:N0} servers, {parse.GetValue(changed)} changed; parse floor (one thread, JSON only): {floor:0.00} s"));
            foreach (var (name, traffic) in sources)
            {
                var times = Enumerable.Range(0, parse.GetValue(runs)).Select(_ => Time(cli, current, proposed, traffic)).ToList();
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-14} median {Median(times):0.00} s (spread {times.Min():0.00}-{times.Max():0.00} s), {Median(times) / floor:0.00}x the parse floor"));
            }
            return 0;
        });
        return command.Parse(args).Invoke();
    }

    /// <summary>The attempts as the gateway would have logged them: what a replay reads from a store.</summary>
    private static async Task Store(IAuditStore store, string attemptsFile)
    {
        await using (store)
        {
            var batch = new List<GatewayLogRecord>(10_000);
            var at = DateTimeOffset.UtcNow.AddHours(-1);
            foreach (var line in File.ReadLines(attemptsFile))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var user = root.GetProperty("user").GetString()!;
                var right = root.GetProperty("password").GetString() != "wrong-password";
                batch.Add(new GatewayLogRecord(at, "40.71.8.203", user[(user.IndexOf('@', StringComparison.Ordinal) + 1)..], "internet address", user,
                    right ? ConnectionReason.Allowed : ConnectionReason.AccessDenied, right ? 0 : 1045, null, "eastus",
                    Host: root.GetProperty("host").GetString(), SentSource: root.GetProperty("source").GetRawText(), Tls: TlsVersion.Tls1_2, Authenticated: right));
                if (batch.Count == batch.Capacity)
                {
                    await store.AppendAsync([], batch, []);
                    batch.Clear();
                }
            }
            await store.AppendAsync([], batch, []);
        }
    }

    private static double ParseFloor(string file)
    {
        var clock = Stopwatch.StartNew();
        foreach (var line in File.ReadLines(file))
        {
            using var json = JsonDocument.Parse(line);
        }
        return clock.Elapsed.TotalSeconds;
    }

    private static double Time(string cli, string current, string proposed, string traffic)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { cli, "whatif", current, proposed, "--traffic", traffic })
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"fleetsim whatif exited {process.ExitCode}: {stderr.Result}");
        return seconds;
    }

    private static string CliBuild()
    {
        var repository = SiloBuild.Repository(new DirectoryInfo(AppContext.BaseDirectory));
        var cli = Path.Combine(repository, "src", "FleetSim.Cli", "bin", "Release", "net10.0", "fleetsim.dll");
        if (!File.Exists(cli))
            throw new InvalidOperationException($"{cli} is missing: build it first with `dotnet build src/FleetSim.Cli -c Release`");
        return cli;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
