using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetSim.Client.Output;
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
        var traffic = new Option<FileInfo>("--traffic") { Description = "Connection attempts to replay, one JSON object a line (as `check` reads them).", Required = true };
        var all = new Option<bool>("--all") { Description = "Write every attempt, unchanged ones with \"change\": \"none\"." };
        var report = new Option<string?>("--report") { Description = "Also write a report to this folder: whatif.json, whatif.md and whatif.html, with the changes and each rule's hits before and after." };
        var failOn = new Option<string[]>("--fail-on") { Description = "Exit 1 when any attempt changes so: lost, gained or changed (repeat or separate with commas), to gate a policy change in a pipeline.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("whatif", """
            Decide every attempt under the current fleet and under a proposed one, by the same policy
            code the grains run (no silo is started), and print one JSON line per attempt whose
            decision differs, in input order:
              {"id":"a7","change":"lost","server":"contoso","user":"app@contoso","source":{"ip":"203.0.113.9"},
               "before":{"reason":"Allowed","code":0,"rule":"office"},"after":{"reason":"FirewallDenied","code":9000,"rule":null}}
            change: lost (allowed, then denied), gained (denied, then allowed), changed (another
            denial, or allowed by another rule). A summary goes to standard error.
            Stateful stages are not compared: every server is taken with no session open
            (max_connections never refuses) and threat detection is not consulted.
            Exit codes: 0 done, 1 an attempt changed as --fail-on names, 2 bad input (every problem listed).
            """)
        {
            current, proposed, traffic, all, failOn, report,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(() =>
        {
            var gate = FailOn(parse.GetValue(failOn) ?? []);
            var before = FleetSpecReader.ReadFile(parse.GetValue(current)!.FullName);
            var after = FleetSpecReader.ReadFile(parse.GetValue(proposed)!.FullName);
            var attempts = AttemptFile.Read(parse.GetValue(traffic)!.FullName, before).Attempts;

            var (currentFleet, proposedFleet) = (new FleetDecisions(before), new FleetDecisions(after));
            var decisions = new (Decision Before, Decision After, DecisionChange Change)[attempts.Count];
            // The policy engine is pure: attempts are decided in parallel, printed in input order.
            Parallel.For(0, attempts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var attempt = ToAttempt(attempts[i]);
                var (was, would) = (currentFleet.Decide(attempt), proposedFleet.Decide(attempt));
                decisions[i] = (was, would, DecisionChanges.Compare(was.Verdict, would.Verdict));
            });

            using (var stdout = Console.OpenStandardOutput())
            using (var json = new Utf8JsonWriter(stdout, DecisionLine.WriterOptions))
            {
                for (var i = 0; i < attempts.Count; i++)
                {
                    if (decisions[i].Change == DecisionChange.None && !parse.GetValue(all))
                        continue;
                    WhatIfLine.Write(json, attempts[i], decisions[i].Before, decisions[i].After, decisions[i].Change);
                    json.Flush();
                    stdout.WriteByte((byte)'\n');
                    json.Reset();
                }
            }
            Summarize(decisions);
            if (parse.GetValue(report) is { } folder)
                Console.Error.WriteLine($"report: {string.Join(", ", WhatIfReport.Write(folder, attempts, decisions))}");
            return Task.FromResult(decisions.Any(d => gate.Contains(d.Change)) ? 1 : 0);
        }));
        return command;
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

    private static ConnectionAttempt ToAttempt(Attempt attempt)
    {
        var (request, pinned) = AttemptFile.ToRequest(attempt);
        return ConnectRequests.ToAttempt(request) with { GatewayIp = pinned is null ? null : Ipv4.Parse(pinned) };
    }

    /// <summary>Counts by change, by server and by the proposal's reason, on standard error.</summary>
    private static void Summarize((Decision Before, Decision After, DecisionChange Change)[] decisions)
    {
        string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var changed = decisions.Where(d => d.Change != DecisionChange.None).ToList();
        var byChange = Changes.Select(c => $"{Count(changed.Count(d => d.Change.Name() == c))} {c}");
        Console.Error.WriteLine($"whatif: {Count(decisions.Length)} attempts: {string.Join(", ", byChange)}, {Count(decisions.Length - changed.Count)} unchanged");
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
    }
}
