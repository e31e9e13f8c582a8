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

public sealed record BenchOptions(TimeSpan Duration, int Rounds, int Concurrency, int ServersPerRegion, string OutputFolder);

/// <param name="RatioToFloor">To the engine floor measured in the same phase (null for the harness).</param>
/// <param name="RatioToCombinedLimit">To the combined limit of the same phase: FleetSim's figures only.</param>
public sealed record BenchFigure(string Name, string Description, IReadOnlyList<double> Rounds, double Median, double? RatioToFloor, double? RatioToCombinedLimit = null);

/// <summary>
/// Measures, in one run on this machine, FleetSim's connection path, the engine floor for the
/// same hops and the audit store's floor, alternating rounds so that a noisy neighbour hurts all
/// alike, and reports ratios.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        // Each FleetSim figure gets its own silo, and its own floor rounds alternated with its own:
        // the ratios stay fair when the machine's speed drifts between phases.
        var batched = await MeasurePhase("fleetsim", AuditDurability.Batched, serverAudit: true);
        var auditOff = await MeasurePhase("audit-off", AuditDurability.Batched, serverAudit: false);
        var acknowledged = await MeasurePhase("acknowledged", AuditDurability.Acknowledged, serverAudit: true);

        // The harness alone against a no-op target: it must never be what limits a measurement.
        var harnessRate = (await HarnessSelfTest.MeasureNoOpRate(options.Duration)).OperationsPerSecond;

        Phase[] phases = [batched, auditOff, acknowledged];
        var floorRounds = phases.SelectMany(p => p.Floor).ToList();
        var storeRounds = phases.SelectMany(p => p.Store).ToList();
        var combinedRounds = phases.SelectMany(p => p.Floor.Zip(p.Store, Combined)).ToList();
        return
        [
            new("harness", "the load harness alone, no-op operations (its own ceiling)", [harnessRate], harnessRate, null),
            new("engine-floor", "connect + disconnect, 4 grain calls (client -> gateway -> server, twice), empty methods", floorRounds, Medians.Of(floorRounds), 1.0),
            new("store-floor", $"the audit store alone: a connection's 3 rows (CONNECT, DISCONNECT, gateway decision) appended in batches of {StoreFloor.ConnectionsPerBatch:N0} connections, as the sinks write",
                storeRounds, Medians.Of(storeRounds), null),
            new("combined-limit", "1 / (1/engine-floor + 1/store-floor): both share the same cores", combinedRounds,
                Combined(Medians.Of(floorRounds), Medians.Of(storeRounds)), Combined(Medians.Of(floorRounds), Medians.Of(storeRounds)) / Medians.Of(floorRounds)),
            batched.Figure("connect + disconnect through gateway and server grains, full policy, audit_log_enabled=ON, audit durability batched"),
            auditOff.Figure("the same with the servers' audit logs off (audit_log_enabled=OFF); the gateway connection log stays on"),
            acknowledged.Figure("the same with audit durability acknowledged: each call answered once its records are stored (group commit)"),
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

            var phase = new Phase(name, [], [], []);
            for (var round = 0; round < options.Rounds; round++)
            {
                phase.Floor.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FloorConnection));
                phase.Fleet.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FleetSimConnection));
                phase.Store.Add(await StoreFloor.ConnectionsPerSecond(store, options.Duration, storeBatches));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name} round {round + 1}/{options.Rounds}: floor {phase.Floor[^1]:N0}/s, FleetSim {phase.Fleet[^1]:N0}/s, store floor {phase.Store[^1]:N0}/s"));
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
        Console.WriteLine($"{"measurement",-14} {"connections/s (median)",24} {"ratio to floor",16} {"ratio to combined",18}  rounds");
        foreach (var figure in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{figure.Name,-14} {figure.Median,24:N0} {Ratio(figure.RatioToFloor),16} {Ratio(figure.RatioToCombinedLimit),18}  {string.Join(", ", figure.Rounds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }
        Console.WriteLine("Ratios are to the engine floor and the combined limit measured in the same phase (the same silo, rounds alternated).");
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


    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>Two stages of one pipeline on the same cores: their costs per connection add up.</summary>
    private static double Combined(double engineFloor, double storeFloor) => 1 / ((1 / engineFloor) + (1 / storeFloor));

    /// <summary>One silo's rounds: the engine floor, one FleetSim figure and the store floor, alternated.</summary>
    private sealed record Phase(string Name, List<double> Floor, List<double> Fleet, List<double> Store)
    {
        public BenchFigure Figure(string description)
        {
            var median = Medians.Of(Fleet);
            return new(Name, description, Fleet, median, median / Medians.Of(Floor), median / Combined(Medians.Of(Floor), Medians.Of(Store)));
        }
    }
}
