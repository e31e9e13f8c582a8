using System.Text.Json;
using System.Text.Json.Nodes;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>`fleetsim whatif --traffic STORE`: a run's gateway connection log replayed against the fleet it ran and against a proposal.</summary>
[Collection(HeavyLoadCollection.Name)]
public sealed class WhatIfReplayTests
{
    private const string Scenario = """
        {
          "name": "replayed",
          "fleet": { "generate": { "serversPerRegion": 2 } },
          "populations": [
            { "name": "office", "source": { "kind": "internet", "allowedShare": 0.5 } },
            { "name": "guessers", "source": { "kind": "internet", "allowedShare": 1 }, "wrongPasswordShare": 0.5, "weight": 0.3 }
          ],
          "load": [ { "kind": "inject", "rate": 40, "interval": "1s", "during": "2s" } ]
        }
        """;

    [Fact]
    public async Task A_runs_log_replayed_against_the_fleet_it_ran_reproduces_every_recorded_decision_and_a_proposal_names_what_it_loses()
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-replay-").FullName;
        var run = await RunAsync("run", TempFile("replayed.json", Scenario), "--out", folder, "--console", "off");
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        var (fleet, store) = (Path.Combine(folder, "fleet.json"), Path.Combine(folder, "audit.db"));

        var recorded = (await RunAsync("audit", "query", "--store", store, "--log", "gateway", "--format", "jsonl", "--limit", "100000")).Lines
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var same = await RunAsync("whatif", fleet, fleet, "--traffic", store, "--all");
        // The proposal: every server loses its firewall rules, so whatever a rule let in is lost.
        var proposal = JsonNode.Parse(File.ReadAllText(fleet))!;
        foreach (var server in proposal["servers"]!.AsArray())
            server!["firewallRules"] = new JsonArray();
        var closed = await RunAsync("whatif", fleet, TempFile("closed.json", proposal.ToJsonString()), "--traffic", store, "--fail-on", "lost");

        Assert.True(same.ExitCode == 0, same.Stderr);
        var replayed = same.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(recorded.Count > 20, $"{recorded.Count} gateway log entries");
        // In log order, each replayed decision under the recording fleet is the decision recorded.
        Assert.Equal(recorded.Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("rule").GetString())),
            replayed.Select(r => (r.GetProperty("before").GetProperty("reason").GetString(), r.GetProperty("before").GetProperty("rule").GetString())));
        Assert.All(replayed, r => Assert.Equal("none", r.GetProperty("change").GetString()));
        Assert.Contains(recorded, r => r.GetProperty("authenticated").ValueKind == JsonValueKind.False);
        Assert.Contains($"whatif: {recorded.Count} gateway log entries replayed: 0 lost", same.Stderr, StringComparison.Ordinal);
        Assert.Contains("authentication: as recorded", same.Stderr, StringComparison.Ordinal);

        var allowed = recorded.Count(r => r.GetProperty("reason").GetString() == "Allowed");
        Assert.True(allowed > 0, "the run admitted no one");
        Assert.Equal(1, closed.ExitCode);
        Assert.Equal(allowed, closed.Lines.Count(l => JsonDocument.Parse(l).RootElement.GetProperty("change").GetString() == "lost"));
    }

    [Fact]
    public async Task Since_and_until_limit_a_replayed_store_and_are_refused_for_an_attempts_file()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("fleetsim-replay-window-").FullName, "audit.db");
        var check = await RunAsync("check", Sample("fleet.json"), Sample("audit-trail.jsonl"), "--store", store);
        Assert.True(check.ExitCode == 0, check.Stderr);

        var all = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", store, "--all");
        var none = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", store, "--all", "--until", "2000-01-01T00:00:00Z");
        var file = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", Sample("attempts.jsonl"), "--since", "2026-11-28T10:00:00Z");
        var bad = await RunAsync("whatif", Sample("fleet.json"), Sample("fleet.json"), "--traffic", store, "--since", "yesterday");

        Assert.True(all.ExitCode == 0 && all.Lines.Length > 0, all.Stderr);
        Assert.Equal((0, 0), (none.ExitCode, none.Lines.Length));
        Assert.Equal(2, file.ExitCode);
        Assert.Contains("--since/--until: they limit a replayed audit store", file.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--since: 'yesterday' is not a time", bad.Stderr, StringComparison.Ordinal);
    }
}
