using System.Globalization;
using System.Text.Json;
using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Grains.Audit;
using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Bench;

public sealed record BenchOptions(TimeSpan Duration, int Rounds, int Concurrency, int ServersPerRegion, string OutputFolder);

public sealed record BenchFigure(string Name, string Description, IReadOnlyList<double> Rounds, double Median, double? RatioToFloor);

/// <summary>
/// Measures, in one run on this machine, FleetSim's connection path and the engine floor for the
/// same hops, alternating rounds so that a noisy neighbour hurts both alike, and reports ratios.
/// </summary>
public sealed class BenchRun(BenchOptions options)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        // Each durability gets its own silo and its own floor rounds, alternated with its own: the
        // ratios stay fair when the machine's speed drifts between the two phases.
        var batched = await MeasurePhase(AuditDurability.Batched);
        var acknowledged = await MeasurePhase(AuditDurability.Acknowledged);

        // The harness alone against a no-op target: it must never be what limits a measurement.
        var harnessRate = (await HarnessSelfTest.MeasureNoOpRate(options.Duration)).OperationsPerSecond;

        var floorRounds = batched.Floor.Concat(acknowledged.Floor).ToList();
        return
        [
            new("harness", "the load harness alone, no-op operations (its own ceiling)", [harnessRate], harnessRate, null),
            new("engine-floor", "connect + disconnect, 4 grain calls (client -> gateway -> server, twice), empty methods", floorRounds, Median(floorRounds), 1.0),
            new("fleetsim", "connect + disconnect through gateway and server grains, full policy, audit_log_enabled=ON, audit durability batched",
                batched.Fleet, Median(batched.Fleet), Median(batched.Fleet) / Median(batched.Floor)),
            new("acknowledged", "the same with audit durability acknowledged: each call answered once its records are stored (group commit)",
                acknowledged.Fleet, Median(acknowledged.Fleet), Median(acknowledged.Fleet) / Median(acknowledged.Floor)),
        ];
    }

    private async Task<(List<double> Floor, List<double> Fleet)> MeasurePhase(AuditDurability durability)
    {
        await using IFleetHost silo = await EmbeddedSilo.StartAsync(auditDurability: durability);
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec
        {
            ServersPerRegion = options.ServersPerRegion,
            FirewallRulesPerServer = 16,
            Configurations = new() { [ServerParameters.AuditLogEnabled] = "ON", [ServerParameters.AuditLogEvents] = "CONNECTION" },
        }, seed: 1);
        var provisioned = await silo.ProvisionAsync(fleet);
        var requests = Requests(fleet);
        var connector = silo.Connector;
        var floor = silo.Grains.GetGrain<IFloorGatewayGrain>("floor");

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

        // Warm both paths (JIT, activations) before anything is counted.
        await ClosedLoop.OperationsPerSecond(options.Concurrency, TimeSpan.FromSeconds(2), FloorConnection);
        await ClosedLoop.OperationsPerSecond(options.Concurrency, TimeSpan.FromSeconds(2), FleetSimConnection);

        var floorRounds = new List<double>();
        var fleetRounds = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            floorRounds.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FloorConnection));
            fleetRounds.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FleetSimConnection));
            Console.Error.WriteLine($"{durability.ToString().ToLowerInvariant()} round {round + 1}/{options.Rounds}: floor {floorRounds[^1]:N0}/s, FleetSim {fleetRounds[^1]:N0}/s");
        }
        return (floorRounds, fleetRounds);
    }

    public static void Report(IReadOnlyList<BenchFigure> figures, BenchOptions options)
    {
        Console.WriteLine();
        Console.WriteLine($"{"measurement",-14} {"connections/s (median)",24} {"ratio to floor",16}  rounds");
        foreach (var figure in figures)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{figure.Name,-14} {figure.Median,24:N0} {(figure.RatioToFloor is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-"),16}  {string.Join(", ", figure.Rounds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }
        Directory.CreateDirectory(options.OutputFolder);
        var path = Path.Combine(options.OutputFolder, "bench.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            options = new { duration = options.Duration.TotalSeconds, options.Rounds, options.Concurrency, servers = options.ServersPerRegion * 2 },
            figures,
        }, JsonOptions));
        Console.WriteLine($"wrote {path}");
    }

    private static ConnectRequest[] Requests(FleetSpec fleet) =>
    [
        .. fleet.Servers.Select(server => new ConnectRequest(
            $"{server.Name}{Policy.Routing.FleetDirectory.HostSuffix}",
            $"{FleetGenerator.AdministratorLogin}@{server.Name}",
            server.AdministratorLoginPassword,
            Policy.Spec.TlsVersion.Tls1_2,
            new SourceAddress(server.FirewallRules[0].StartIpAddress),
            "bench",
            Hold: true)),
    ];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
