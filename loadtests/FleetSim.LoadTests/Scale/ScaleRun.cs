using System.Diagnostics;
using System.Globalization;
using FleetSim.Hosting;
using FleetSim.LoadTests.Bench;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Generation;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Scale;

/// <summary>
/// Measures each fleet size on a silo of its own, one after the other in one run: what a connection
/// costs (FleetSim's rate beside the engine floor's, rounds alternated) and what a server costs in
/// memory once provisioned and idle.
/// </summary>
public sealed class ScaleRun(ScaleOptions options)
{
    public async Task<IReadOnlyList<ScalePoint>> RunAsync()
    {
        var points = new List<ScalePoint>();
        foreach (var servers in options.Servers)
            points.Add(await MeasureAsync("servers", servers, options.RulesOfServersCurve));
        foreach (var rules in options.Rules)
            points.Add(await MeasureAsync("rules", options.ServersOfRulesCurve, rules));
        return points;
    }

    private async Task<ScalePoint> MeasureAsync(string curve, int servers, int rules)
    {
        Console.Error.WriteLine(FormattableString.Invariant($"{curve}: {servers:N0} servers with {rules} rules each: generating"));
        // Two regions, as the benchmark's fleet; the servers' audit logs at their default (off): the
        // curves are about the engine and the policy, and the store's cost per connection is flat.
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec { ServersPerRegion = (servers + 1) / 2, FirewallRulesPerServer = rules }, seed: 1);
        var requests = BenchRequests.For(fleet);

        await using IFleetHost silo = await EmbeddedSilo.StartAsync();
        var (managedBefore, workingSetBefore) = Memory();
        var provisioning = Stopwatch.StartNew();
        var provisioned = await silo.ProvisionAsync(fleet);
        provisioning.Stop();
        if (!provisioned.Succeeded)
            throw new FleetSpecException("scale", provisioned.Errors);
        var (managedAfter, workingSetAfter) = Memory();
        var count = fleet.Servers.Count;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{curve}: {count:N0} servers provisioned in {provisioning.Elapsed.TotalSeconds:0.0} s, {(managedAfter - managedBefore) / (double)count / 1024:N1} KiB managed per server"));

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

        // Servers activate on their first call: every one is called once before any round, so that
        // the rounds measure servers in use, not their activation (and the floor's grains likewise).
        await EachOnce(requests.Length, options.Concurrency, FloorConnection);
        await EachOnce(requests.Length, options.Concurrency, FleetSimConnection);
        var warmUp = TimeSpan.FromSeconds(Math.Min(2, options.Duration.TotalSeconds));
        await ClosedLoop.OperationsPerSecond(options.Concurrency, warmUp, FloorConnection);
        await ClosedLoop.OperationsPerSecond(options.Concurrency, warmUp, FleetSimConnection);
        var floorRounds = new List<double>();
        var fleetRounds = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            floorRounds.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FloorConnection));
            fleetRounds.Add(await ClosedLoop.OperationsPerSecond(options.Concurrency, options.Duration, FleetSimConnection));
        }
        var (managedInUse, _) = Memory();
        var point = new ScalePoint(curve, count, rules, Medians.Of(fleetRounds), Medians.Of(floorRounds),
            (managedAfter - managedBefore) / (double)count, (workingSetAfter - workingSetBefore) / (double)count, provisioning.Elapsed.TotalSeconds,
            (managedInUse - managedBefore) / (double)count);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{curve}: {count:N0} servers, {rules} rules: {point.ConnectionsPerSecond:N0} connections/s, {point.RatioToFloor:0.00} of the engine floor"));
        return point;
    }

    private static Task EachOnce(int count, int concurrency, Func<int, Task> operation) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => await operation(i));

    private static (long Managed, long WorkingSet) Memory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (managed, process.WorkingSet64);
    }
}
