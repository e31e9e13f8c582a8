using System.CommandLine;
using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Cli.Output;
using FleetSim.Policy.Insights;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

public static class InsightsCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo>("FLEET") { Description = "The fleet specification (JSON)." };
        var command = new Command("insights", """
            Find what deserves a policy engineer's look in a fleet document, per server, one JSON line each:
              {"server":"contoso","kind":"redundant","rule":"ci-runner","why":"...","advice":"..."}
            Kinds: redundant (other rules admit every address of the rule: removing it alone changes
            no decision), broad (0.0.0.0 "Azure services", the whole internet, more than a /16),
            publicAccessBesidePrivateEndpoints, vnetRuleWithoutEndpoint (its subnet lacks
            Microsoft.Sql), privateEndpointNotApproved, weakTls. A count by kind goes to standard error.
            Exit codes: 0 done, 2 bad fleet file.
            """)
        {
            fleet,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(() =>
        {
            var spec = FleetSpecReader.ReadFile(parse.GetValue(fleet)!.FullName);
            var findings = FleetInsights.Of(spec).ToList();
            using (var stdout = Console.OpenStandardOutput())
            using (var json = new Utf8JsonWriter(stdout, DecisionLine.WriterOptions))
            {
                foreach (var finding in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("server", finding.Server);
                    json.WriteString("kind", finding.Kind);
                    DecisionLine.WriteNullable(json, "rule", finding.Rule);
                    json.WriteString("why", finding.Why);
                    json.WriteString("advice", finding.Advice);
                    json.WriteEndObject();
                    json.Flush();
                    stdout.WriteByte((byte)'\n');
                    json.Reset();
                }
            }
            var byKind = findings.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            Console.Error.WriteLine($"insights: {findings.Count} findings on {findings.Select(f => f.Server).Distinct().Count()} of {spec.Servers.Count} servers{(findings.Count > 0 ? ": " + string.Join(", ", byKind) : "")}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
