using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FleetSim.AuditStore;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Gateways;
using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Validation;
using FleetSim.Runs;
using FleetSim.Runs.Sessions;
using FleetSim.Scenarios.Reading;
using FleetSim.Scenarios.Spec;
using FleetSim.Web;
using FleetSim.Wire.Listening;

namespace FleetSim.Cli.Commands;

public static class RunCommand
{
    public static Command Create()
    {
        var scenarioFile = new Argument<FileInfo?>("SCENARIO") { Description = "A scenario file (JSON); without it, the bundled quickstart.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Report folder (HTML, Markdown, CSV, JSON) and audit store. Default: reports/<scenario>-<time>." };
        var duration = new Option<string?>("--duration") { Description = "Stretch or shrink the load plan to last this long, e.g. 10s (timed stages scale together)." };
        var console = new Option<string>("--console") { Description = "Live view: auto (live on a terminal, plain lines otherwise), live, plain or off.", DefaultValueFactory = _ => "auto" };
        console.AcceptOnlyFromAmong("auto", "live", "plain", "off");
        var cluster = new ClusterTarget();
        var web = new WebTarget(WebAddress.None);
        var command = new Command("run", """
            Run a scenario on an embedded silo: provision its fleet, drive its client populations
            with its load simulations, show a live view, then print a summary and write reports.
            Each iteration is one client session: connect (through DNS and a regional gateway),
            run statements, hold, disconnect. The outcome of "connect" is the decision's reason.
            Exit codes: 0 thresholds met, 1 a threshold broke or the run aborted, 2 bad scenario.
            Examples:
              fleetsim run
              fleetsim run loadtests/scenarios/brute-force.json --out reports/bf --duration 20s
            """)
        {
            scenarioFile, output, duration, console,
        };
        cluster.AddWithDurabilityTo(command);
        web.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var webOptions = web.Read(parse);
            var scenario = Load(parse.GetValue(scenarioFile));
            var thresholds = ParseThresholds(scenario);
            TimeSpan? length = null;
            if (parse.GetValue(duration) is { } text)
                length = Durations.TryParse(text, out var d) && d > TimeSpan.Zero ? d : throw new InputException([$"--duration: '{text}' is not {Durations.Format}"]);
            var folder = parse.GetValue(output) ?? Path.Combine("reports", $"{scenario.Spec.Name}-{DateTime.Now:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(folder);
            var storePath = Path.Combine(folder, "audit.db");

            Console.Error.WriteLine($"scenario '{scenario.Spec.Name}': {scenario.Fleet.Servers.Count:N0} servers in {scenario.Fleet.Regions.Count} regions, {scenario.Spec.Populations.Count} populations");
            var feed = new DecisionFeed();
            await using var silo = await cluster.OpenAsync(parse, storePath, verbose: false, cancellationToken, WebTarget.Feed(webOptions, feed));
            storePath = silo.AuditStore ?? storePath;
            var provisioned = await silo.ProvisionAsync(scenario.Fleet);
            if (!provisioned.Succeeded)
                throw new InputException(provisioned.Errors);
            // What the run's gateway log can be replayed against: `whatif fleet.json PROPOSED.json --traffic audit.db`.
            await File.WriteAllTextAsync(Path.Combine(folder, "fleet.json"),
                JsonSerializer.Serialize(StoredPasswords.Hashed(scenario.Fleet), FleetSpecReader.Options) + Environment.NewLine, cancellationToken);
            // The page watches the run: up before the load starts, down after its summary.
            await using var page = await WebTarget.StartAsync(webOptions, silo, feed, [], cancellationToken);
            WebTarget.Print(page, Console.Error);

            // Counted after provisioning: the run is reconciled against what the store gains during it.
            var storedBefore = await StoredCount(storePath, silo.AuditStore is not null, cancellationToken);
            // Wire populations dial MariaDB protocol listeners, opened as their clients need them.
            await using var wire = scenario.Spec.Populations.Any(p => p.Via == "wire")
                ? new WireClients(new WireFleet(silo.Grains, silo.DirectoryCache))
                : null;
            var modelled = scenario.Fleet.Model is null ? null : new Runs.Modelling.ModelledRun();
            var consoleMode = parse.GetValue(console) switch { "live" => ConsoleMode.Live, "plain" => ConsoleMode.Plain, "off" => ConsoleMode.Off, _ => ConsoleMode.Auto };
            var result = await LoadRunner.Create()
                .WithTestName(scenario.Spec.Name!)
                .RegisterScenarios(FleetScenario.Create(scenario, silo.Connector, provisioned.Version, length, wire, modelled))
                .WithThresholds(thresholds)
                .WithReportFolder(folder)
                .WithConsole(consoleMode)
                .WithSummaryNotes(async ct => (await FleetNotes(silo, wire, silo.AuditStore, storedBefore, folder, ct))
                    .Concat(modelled is null ? [] : Modelling.ModelledRunReport.Notes(modelled, scenario.Spec, scenario.Fleet, folder)))
                .RunAsync(cancellationToken);

            // The harness's view prints the summary and report files, unless it was turned off.
            if (consoleMode == ConsoleMode.Off)
                Console.Out.WriteLine(result.FormatSummary());
            if (silo.AuditStore is not null)
                Console.Out.WriteLine($"audit store: {AuditStores.Display(storePath)}  (fleetsim audit stats --store {AuditStores.Display(storePath)})");
            return result.ExitCode;
        }));
        return command;
    }

    private static ScenarioFile Load(FileInfo? file)
    {
        if (file is not null)
            return ScenarioReader.ReadFile(file.FullName);
        using var stream = typeof(RunCommand).Assembly.GetManifestResourceStream("quickstart.json")!;
        using var reader = new StreamReader(stream);
        return ScenarioReader.Read(reader.ReadToEnd(), "quickstart.json (bundled)", Directory.GetCurrentDirectory());
    }

    private static Threshold[] ParseThresholds(ScenarioFile scenario)
    {
        var errors = new List<string>();
        var thresholds = new List<Threshold>();
        for (var i = 0; i < scenario.Spec.Thresholds.Count; i++)
        {
            try
            {
                thresholds.Add(Threshold.Parse(scenario.Spec.Thresholds[i]));
            }
            catch (ThresholdParseException e)
            {
                errors.Add($"{scenario.Source}: thresholds[{i}]: {e.Message}");
            }
        }
        return errors.Count > 0 ? throw new InputException(errors) : [.. thresholds];
    }

    private static async Task<long> StoredCount(string storePath, bool known, CancellationToken cancellationToken)
    {
        if (!known || !AuditStores.Exists(storePath))
            return 0;
        await using var store = AuditStores.Open(storePath);
        return (await store.StatsAsync(cancellationToken)).Logged;
    }

    /// <summary>What the harness cannot see: what the fleet recorded while the load ran.</summary>
    private static async Task<IEnumerable<Harness.SummaryNote>> FleetNotes(IFleetHost silo, WireClients? wire, string? storePath, long storedBefore, string folder, CancellationToken cancellationToken)
    {
        await silo.Directory.FlushAudit();
        if (storePath is null)
            return [new("audit store", "kept by the cluster (name its silo.json with --cluster to see counts here)")];
        await using var store = AuditStores.Open(storePath);
        var stats = await store.StatsAsync(cancellationToken);
        // Real clients cannot count what was logged for them; their listeners did.
        var reconciliation = new AuditReconciliation(silo.Connector.Audited + (wire?.Audited ?? 0), stats.Logged - storedBefore);
        await File.WriteAllTextAsync(Path.Combine(folder, "audit-reconciliation.json"), reconciliation.ToJson(), cancellationToken);
        static string Top(IReadOnlyList<(string Key, long Count)> counts) =>
            counts.Count == 0 ? "(none)" : string.Join(", ", counts.Take(5).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Count:N0}")));
        return
        [
            new("audit reconciliation", reconciliation.Describe()),
            new("audit records written", stats.AuditRecords.ToString("N0", CultureInfo.InvariantCulture)),
            new("gateway decisions logged", stats.GatewayDecisions.ToString("N0", CultureInfo.InvariantCulture)),
            new("alerts raised", stats.Alerts == 0 ? "0" : $"{stats.Alerts:N0}: {Top(stats.ByAlert)}"),
            new("hottest servers (decisions)", Top(stats.DecisionsByServer)),
            new("hottest gateways (decisions)", Top(stats.DecisionsByGateway)),
        ];
    }
}
