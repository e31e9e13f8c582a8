using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetSim.Cli.Attempts;
using FleetSim.Client.Attempts;
using FleetSim.Client.Output;
using FleetSim.Cli.Output;
using FleetSim.Policy.Insights;
using FleetSim.Policy.Validation;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Cli.Commands;

public static class InsightsCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo>("FLEET") { Description = "The fleet specification (JSON)." };
        var traffic = new Option<string?>("--traffic")
        {
            Description = "Traffic to judge the rules by: an attempts file (as `check` reads it), or an audit store (a SQLite file or redis://host:port) whose gateway connection log is replayed.",
        };
        var since = new Option<string?>("--since") { Description = "With a store: its log from this time on (ISO 8601)." };
        var until = new Option<string?>("--until") { Description = "With a store: its log before this time (ISO 8601)." };
        var maxRanges = new Option<int>("--max-ranges")
        {
            Description = "At most this many ranges suggested in place of an overly permissive rule.", DefaultValueFactory = _ => TrafficInsights.DefaultMaxRanges,
        };
        var minDenials = new Option<int>("--min-denials")
        {
            Description = "Report a source the network refused at least this many times on one server.", DefaultValueFactory = _ => TrafficInsights.DefaultMinDenials,
        };
        var report = new Option<string?>("--report") { Description = "Also write insights.json, insights.md and insights.html (with a chart by kind) to this folder." };
        var command = new Command("insights", """
            Find what deserves a policy engineer's look in a fleet, per server, one JSON line each:
              {"server":"contoso","kind":"redundant","rule":"ci-runner","why":"...","advice":"..."}
            From the fleet document: redundant (other rules admit every address of the rule:
            removing it alone changes no decision), broad (0.0.0.0 "Azure services", the whole
            internet, more than a /16), publicAccessBesidePrivateEndpoints, vnetRuleWithoutEndpoint
            (its subnet lacks Microsoft.Sql), privateEndpointNotApproved, weakTls.
            With --traffic, decided by the fleet's own policy code: unused (a rule that admitted
            nothing), overlyPermissive (what a rule admitted fits in at most half of it; "suggested"
            gives at most --max-ranges ranges that keep every observed client), deniedOften (a
            source refused --min-denials times or more on a server, by reason, with the alerts the
            store raised for it).
            A count by kind goes to standard error.
            Exit codes: 0 done, 2 bad input (every problem listed).
            """)
        {
            fleet, traffic, since, until, maxRanges, minDenials, report,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var errors = new List<string>();
            var window = (Since: IsoTime.Parse(parse.GetValue(since), "--since", errors), Until: IsoTime.Parse(parse.GetValue(until), "--until", errors));
            var (ranges, denials) = (parse.GetValue(maxRanges), parse.GetValue(minDenials));
            if (ranges < 1)
                errors.Add($"--max-ranges: {ranges} must be 1 or more");
            if (denials < 1)
                errors.Add($"--min-denials: {denials} must be 1 or more");
            if (parse.GetValue(traffic) is null && (window.Since is not null || window.Until is not null))
                errors.Add("--since/--until: they limit --traffic, which is not given");
            if (errors.Count > 0)
                throw new InputException(errors);
            var spec = FleetSpecReader.ReadFile(parse.GetValue(fleet)!.FullName);
            var findings = FleetInsights.Of(spec).ToList();
            var scope = $"{spec.Servers.Count:N0} servers, from the fleet document alone";
            if (parse.GetValue(traffic) is { } source)
            {
                var replay = await Traffic.ReadAsync(source, spec, window.Since, window.Until, cancellationToken);
                findings.AddRange(Judge(spec, replay, ranges, denials));
                scope = string.Create(CultureInfo.InvariantCulture, $"{spec.Servers.Count:N0} servers, and {replay.Attempts.Count:N0} {(replay.Recorded ? "gateway log entries" : "attempts")} from {source}");
            }
            using (var stdout = Console.OpenStandardOutput())
                JsonLines.Write(findings, FindingLine.Write, stdout);
            var byKind = findings.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            Console.Error.WriteLine($"insights: {findings.Count} findings on {findings.Select(f => f.Server).Distinct().Count()} of {spec.Servers.Count} servers{(findings.Count > 0 ? ": " + string.Join(", ", byKind) : "")}");
            if (parse.GetValue(report) is { } folder)
                Console.Error.WriteLine($"report: {string.Join(", ", InsightsReport.Write(folder, findings, scope))}");
            return 0;
        }));
        return command;
    }

    /// <summary>The fleet's decisions on the traffic (in parallel: the policy engine is pure), counted in input order.</summary>
    private static IEnumerable<Finding> Judge(Policy.Spec.FleetSpec spec, Traffic traffic, int maxRanges, int minDenials)
    {
        var fleet = new FleetDecisions(spec);
        var decisions = new Decision[traffic.Attempts.Count];
        Parallel.For(0, decisions.Length, i => decisions[i] = traffic.Decide(fleet, traffic.ToConnectionAttempt(i), i));
        var insights = new TrafficInsights(spec, maxRanges, minDenials);
        foreach (var decision in decisions)
            insights.Add(decision);
        var alerts = traffic.Alerts.GroupBy(a => (a.Server, a.Ip))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(a => a.AlertType).Distinct()]);
        return insights.Findings(alerts);
    }
}
