using System.Collections.Concurrent;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Cli.Attempts;
using FleetSim.Client.Attempts;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Validation;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Cli.Commands;

public static class WhatIfCommand
{
    private static readonly string[] Changes = ["lost", "gained", "changed"];

    public static Command Create()
    {
        var current = new Argument<FileInfo>("CURRENT") { Description = "The fleet as it is (JSON): attempts are validated against it." };
        var proposed = new Argument<FileInfo>("PROPOSED") { Description = "The fleet as you propose it." };
        var traffic = new Option<string>("--traffic")
        {
            Description = "What to replay: an attempts file (JSON Lines, as `check` reads it), or an audit store (a SQLite file or redis://host:port, as `audit` reads it) whose gateway connection log is replayed.",
            Required = true,
        };
        var since = new Option<string?>("--since") { Description = "Replay the store's log from this time on (ISO 8601, e.g. 2026-11-28T10:00:00Z)." };
        var until = new Option<string?>("--until") { Description = "Replay the store's log before this time (ISO 8601)." };
        var all = new Option<bool>("--all") { Description = "Write every attempt, unchanged ones with \"change\": \"none\"." };
        var report = new Option<string?>("--report") { Description = "Also write a report to this folder: whatif.json, whatif.md and whatif.html, with the changes and each rule's hits before and after." };
        var failOn = new Option<string[]>("--fail-on") { Description = "Exit 1 when any attempt changes so: lost, gained or changed (repeat or separate with commas), to gate a policy change in a pipeline.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("whatif", """
            Decide every attempt under the current fleet and under a proposed one, by the same policy
            code the grains run (no silo is started), and print one JSON line per attempt whose
            decision differs, in input order (for a replayed log, its order and its entries' ids):
              {"id":"a7","change":"lost","server":"contoso","user":"app@contoso","source":{"ip":"203.0.113.9"},
               "before":{"reason":"Allowed","code":0,"rule":"office"},"after":{"reason":"FirewallDenied","code":9000,"rule":null}}
            change: lost (allowed, then denied), gained (denied, then allowed), changed (another
            denial, or allowed by another rule). A summary goes to standard error.
            Stateful stages are not compared: every server is taken with no session open
            (max_connections never refuses) and threat detection is not consulted. A replayed log
            holds no password: each login authenticates as it did when recorded (one denied before
            authentication is taken as knowing its password), if the proposal still has it.
            Exit codes: 0 done, 1 an attempt changed as --fail-on names, 2 bad input (every problem listed).
            """)
        {
            current, proposed, traffic, since, until, all, failOn, report,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var gate = FailOn(parse.GetValue(failOn) ?? []);
            var errors = new List<string>();
            var window = (Since: IsoTime.Parse(parse.GetValue(since), "--since", errors), Until: IsoTime.Parse(parse.GetValue(until), "--until", errors));
            if (errors.Count > 0)
                throw new InputException(errors);
            var phases = new PhaseClock();
            var before = FleetSpecReader.ReadFile(parse.GetValue(current)!.FullName);
            var after = FleetSpecReader.ReadFile(parse.GetValue(proposed)!.FullName);
            phases.Lap("read fleets");
            var (replay, decisions) = await ReplayAsync(parse.GetValue(traffic)!, before, new FleetComparison(before, after), window.Since, window.Until, cancellationToken);
            var attempts = replay.Attempts;
            phases.Lap("read and decide");
            Print(attempts, decisions, parse.GetValue(all));
            phases.Lap("write");
            Summarize(decisions, replay.Recorded);
            if (parse.GetValue(report) is { } folder)
                Console.Error.WriteLine($"report: {string.Join(", ", WhatIfReport.Write(folder, attempts, decisions, replay.Recorded))}");
            return decisions.Any(d => gate.Contains(d.Change)) ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// The traffic a source names, each attempt decided under both fleets and kept in input order.
    /// An attempts file is read, then decided in parallel (the policy engine is pure); a store's log
    /// is decided batch by batch on the other cores while its one reader reads the next batch.
    /// </summary>
    internal static async Task<(Traffic Traffic, (Decision Before, Decision After, DecisionChange Change)[] Decisions)> ReplayAsync(
        string source, Policy.Spec.FleetSpec current, FleetComparison fleets, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var early = new ConcurrentBag<(int Start, (Decision Before, Decision After, DecisionChange Change)[] Decided)>();
        var traffic = await Traffic.ReadAsync(source, current, since, until, cancellationToken,
            (start, batch, recorded) => early.Add((start, [.. batch.Select((attempt, i) => Compare(fleets.Replay(Traffic.ToConnectionAttempt(attempt), recorded[i])))])));
        var decisions = new (Decision Before, Decision After, DecisionChange Change)[traffic.Attempts.Count];
        if (traffic.Recorded)
        {
            foreach (var (start, decided) in early)
                decided.CopyTo(decisions, start);
        }
        else
        {
            Parallel.For(0, decisions.Length, new ParallelOptions { CancellationToken = cancellationToken },
                i => decisions[i] = Compare(traffic.Decide(fleets, traffic.ToConnectionAttempt(i), i)));
        }
        return (traffic, decisions);
    }

    private static (Decision Before, Decision After, DecisionChange Change) Compare((Decision Before, Decision After) decided) =>
        (decided.Before, decided.After, DecisionChanges.Compare(decided.Before.Verdict, decided.After.Verdict));

    /// <summary>One line per changed attempt (every attempt with <paramref name="all"/>), in input order, on standard output.</summary>
    internal static void Print(IReadOnlyList<Attempt> attempts, (Decision Before, Decision After, DecisionChange Change)[] decisions, bool all)
    {
        using var stdout = Console.OpenStandardOutput();
        JsonLines.Write(Enumerable.Range(0, attempts.Count).Where(i => all || decisions[i].Change != DecisionChange.None),
            (json, i) => WhatIfLine.Write(json, attempts[i], decisions[i].Before, decisions[i].After, decisions[i].Change), stdout);
    }

    private static HashSet<DecisionChange> FailOn(IEnumerable<string> values)
    {
        var gate = new HashSet<DecisionChange>();
        foreach (var value in values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Changes.Contains(value.ToLowerInvariant()))
                throw new InputException([$"--fail-on: '{value}' is not one of {string.Join(", ", Changes)}"]);
            gate.Add(Enum.Parse<DecisionChange>(value, ignoreCase: true));
        }
        return gate;
    }

    /// <summary>Counts by change, by server and by the proposal's reason, on standard error.</summary>
    private static void Summarize((Decision Before, Decision After, DecisionChange Change)[] decisions, bool recorded)
    {
        string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var changed = decisions.Where(d => d.Change != DecisionChange.None).ToList();
        var byChange = Changes.Select(c => $"{Count(changed.Count(d => d.Change.Name() == c))} {c}");
        var what = recorded ? "gateway log entries replayed" : "attempts";
        Console.Error.WriteLine($"whatif: {Count(decisions.Length)} {what}: {string.Join(", ", byChange)}, {Count(decisions.Length - changed.Count)} unchanged");
        if (changed.Count > 0)
        {
            // The ten servers most changed: a fleet-wide change would otherwise fill the screen.
            const int shown = 10;
            var servers = changed.GroupBy(d => d.After.Server ?? d.Before.Server ?? "(none)")
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            var byServer = servers.Take(shown)
                .Select(g => $"{g.Key} {string.Join(" ", g.GroupBy(d => d.Change).OrderBy(c => c.Key).Select(c => $"{Count(c.Count())} {c.Key.Name()}"))}");
            var more = servers.Count > shown ? $", and {Count(servers.Count - shown)} more servers" : "";
            Console.Error.WriteLine($"  by server: {string.Join(", ", byServer)}{more}");
            var byReason = changed.GroupBy(d => d.After.Verdict.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
                .Select(g => $"{g.Key} {Count(g.Count())}");
            Console.Error.WriteLine($"  by reason under the proposal: {string.Join(", ", byReason)}");
        }
        Console.Error.WriteLine("  not compared: max_connections and threat detection (they depend on sessions and history)");
        if (recorded)
            Console.Error.WriteLine("  authentication: as recorded (the log holds no password)");
    }
}
