using System.Globalization;
using System.Text.Json;
using FleetSim.AuditStore;
using FleetSim.Client;
using FleetSim.Grains.Audit;
using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Bench;

/// <param name="Only">One of FleetSim's figures (fleetsim, audit-off, acknowledged), measured alone with its floors; null: all.</param>
public sealed record BenchOptions(TimeSpan Duration, int Rounds, int Concurrency, int ServersPerRegion, string OutputFolder, string? Only = null);

/// <param name="RatioToFloor">To the engine floor measured in the same phase (null for the harness).</param>
/// <param name="RatioToCombinedLimit">To the combined limit of the same phase: FleetSim's figures only.</param>
/// <param name="BytesPerConnection">What the process allocated per connection, median over rounds (engine figures only).</param>
/// <param name="CollectionsPer10k">Garbage collections per 10,000 connections, median over rounds (engine figures only).</param>
public sealed record BenchFigure(string Name, string Description, IReadOnlyList<double> Rounds, double Median, double? RatioToFloor, double? RatioToCombinedLimit = null,
    double? BytesPerConnection = null, double? CollectionsPer10k = null);

/// <summary>
/// Measures, in one run on this machine, FleetSim's connection path, the engine floor for the
/// same hops and the audit store's floor, alternating rounds so that a noisy neighbour hurts all
/// alike, and reports ratios.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>FleetSim's figures, each measured on a silo of its own.</summary>
    public static readonly IReadOnlyList<(string Name, AuditDurability Durability, bool ServerAudit, string Description)> FleetFigures =
    [
        ("fleetsim", AuditDurability.Batched, true, "connect + disconnect through gateway and server grains, full policy, audit_log_enabled=ON, audit durability batched"),
        ("audit-off", AuditDurability.Batched, false, "the same with the servers' audit logs off (audit_log_enabled=OFF); the gateway connection log stays on"),
        ("acknowledged", AuditDurability.Acknowledged, true, "the same with audit durability acknowledged: each call answered once its records are stored (group commit)"),
    ];

    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        // Each FleetSim figure gets its own silo, and its own floor rounds alternated with its own:
        // the ratios stay fair when the machine's speed drifts between phases.
        var measured = new List<(Phase Phase, string Description)>();
        foreach (var (name, durability, serverAudit, description) in FleetFigures.Where(f => options.Only is null || f.Name == options.Only))
            measured.Add((await MeasurePhase(name, durability, serverAudit), description));

        // The harness alone against a no-op target: it must never be what limits a measurement.
        var harnessRate = (await HarnessSelfTest.MeasureNoOpRate(options.Duration)).OperationsPerSecond;

        var phases = measured.Select(m => m.Phase).ToList();
        var floorRounds = phases.SelectMany(p => p.Floor).ToList();
        var storeRounds = phases.SelectMany(p => p.Store).ToList();
        var combinedRounds = phases.SelectMany(p => p.Floor.Zip(p.Store, Combined)).ToList();
        return
        [
            new("harness", "the load harness alone, no-op operations (its own ceiling)", [harnessRate], harnessRate, null),
            new("engine-floor", "connect + disconnect, 4 grain calls (client -> gateway -> server, twice), empty methods", floorRounds, Medians.Of(floorRounds), 1.0,
                BytesPerConnection: Medians.Of(phases.SelectMany(p => p.FloorCosts).Select(c => c.BytesPerOperation)),
                CollectionsPer10k: Medians.Of(phases.SelectMany(p => p.FloorCosts).Select(c => c.CollectionsPer10k))),
            new("store-floor", $"the audit store alone: a connection's 3 rows (CONNECT, DISCONNECT, gateway decision) appended in batches of {StoreFloor.ConnectionsPerBatch:N0} connections, as the sinks write",
                storeRounds, Medians.Of(storeRounds), null),
            new("combined-limit", "1 / (1/engine-floor + 1/store-floor): both share the same cores", combinedRounds,
                Combined(Medians.Of(floorRounds), Medians.Of(storeRounds)), Combined(Medians.Of(floorRounds), Medians.Of(storeRounds)) / Medians.Of(floorRounds)),
            .. measured.Select(m => m.Phase.Figure(m.Description)),
        ];
    }

    private async Task<Phase> MeasurePhase(string name, AuditDurability durability, bool serverAudit)
    {
        await using IFleetHost silo = await EmbeddedSilo.StartAsync(auditDurability: durability);
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec
        {
            ServersPerRegion = options.ServersPerRegion,
            FirewallRulesPerServer = 16,
            Configurations = new() { [ServerParameters.AuditLogEnabled] = serverAudit ? "ON" : "OFF", [ServerParameters.AuditLogEvents] = "CONNECTION" },
        }, seed: 1);
        var provisioned = await silo.ProvisionAsync(fleet);
        var requests = BenchRequests.For(fleet);
        var connector = silo.Connector;
        var floor = silo.Grains.GetGrain<IFloorGatewayGrain>("floor");

        // The store floor writes a store of its own beside the silo's, on the same cores, so that
        // the silo's writes never mix with it.
        using var scratch = new ScratchStore();
        var store = AuditStores.Open(scratch.Path);
        var storeBatches = StoreFloor.Batches([.. fleet.Servers.Select(s => (s.Name!, s.Region!, $"{FleetGenerator.AdministratorLogin}@{s.Name}", s.FirewallRules[0].StartIpAddress!))]);

        async Task FleetSimConnection(int i)
        {
            var result = await connector.Connect(requests[i % requests.Length], null, provisioned.Version);
            if (result.Allowed)
                await connector.Disconnect(result);
        }

        async Task FloorConnection(int i)
        {
            var result = await floor.Connect(requests[i % requests.Length]);
            await floor.Disconnect(result.Server!, result.ConnectionId);
        }

        try
        {
            // Warm every path (JIT, activations, the store's statements) before anything is counted.
            var warmUp = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds));
            await ClosedLoop.OperationsPerSecond(options.Concurrency, warmUp, FloorConnection);
            await ClosedLoop.OperationsPerSecond(options.Concurrency, warmUp, FleetSimConnection);
            await StoreFloor.ConnectionsPerSecond(store, warmUp / 2, storeBatches);

            var phase = new Phase(name, [], [], [], [], []);
            for (var round = 0; round < options.Rounds; round++)
            {
                var floorRound = await ClosedLoop.Measure(options.Concurrency, options.Duration, FloorConnection);
                var fleetRound = await ClosedLoop.Measure(options.Concurrency, options.Duration, FleetSimConnection);
                phase.Floor.Add(floorRound.PerSecond);
                phase.FloorCosts.Add(floorRound);
                phase.Fleet.Add(fleetRound.PerSecond);
                phase.FleetCosts.Add(fleetRound);
                phase.Store.Add(await StoreFloor.ConnectionsPerSecond(store, options.Duration, storeBatches));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} round {round + 1}/{options.Rounds}: floor {phase.Floor[^1]:N0}/s ({floorRound.BytesPerOperation:N0} B), FleetSim {phase.Fleet[^1]:N0}/s ({fleetRound.BytesPerOperation:N0} B, {fleetRound.CollectionsPer10k:N1} GCs per 10k), store floor {phase.Store[^1]:N0}/s"));
            }
            return phase;
        }
        finally
        {
            await store.DisposeAsync();
        }
    }

    public static void Report(IReadOnlyList<BenchFigure> figures, BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"{"measurement",-14} {"connections/s (median)",24} {"ratio to floor",16} {"ratio to combined",18} {"bytes/conn",11} {"GCs/10k",8}  rounds");
        foreach (var figure in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{figure.Name,-14} {figure.Median,24:N0} {Ratio(figure.RatioToFloor),16} {Ratio(figure.RatioToCombinedLimit),18} {Figure(figure.BytesPerConnection, "N0"),11} {Figure(figure.CollectionsPer10k, "N1"),8}  {string.Join(", ", figure.Rounds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }
        Console.WriteLine("Ratios are to the engine floor and the combined limit measured in the same phase (the same silo, rounds alternated).");
        Console.WriteLine("bytes/conn and GCs/10k: what the whole process (client, silo, sinks) allocated and collected per connection while it ran.");
        Directory.CreateDirectory(options.OutputFolder);
        var path = Path.Combine(options.OutputFolder, "bench.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            options = new { duration = options.Duration.TotalSeconds, options.Rounds, options.Concurrency, servers = options.ServersPerRegion * 2, storeBatchConnections = StoreFloor.ConnectionsPerBatch },
            figures,
        }, JsonOptions));
        Console.WriteLine($"wrote {path}");
    }


    private static string Figure(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>Two stages of one pipeline on the same cores: their costs per connection add up.</summary>
    private static double Combined(double engineFloor, double storeFloor) => 1 / ((1 / engineFloor) + (1 / storeFloor));

    /// <summary>One silo's rounds: the engine floor, one FleetSim figure and the store floor, alternated.</summary>
    private sealed record Phase(string Name, List<double> Floor, List<double> Fleet, List<double> Store, List<LoopFigures> FloorCosts, List<LoopFigures> FleetCosts)
    {
        public BenchFigure Figure(string description)
        {
            var median = Medians.Of(Fleet);
            return new(Name, description, Fleet, median, median / Medians.Of(Floor), median / Combined(Medians.Of(Floor), Medians.Of(Store)),
                Medians.Of([.. FleetCosts.Select(c => c.BytesPerOperation)]), Medians.Of([.. FleetCosts.Select(c => c.CollectionsPer10k)]));
        }
    }
}
