using System.Globalization;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// Every case against every server, one case after the other, the servers' rounds alternated (and
/// their order swapped each round) so that a noisy neighbour hurts both alike.
/// </summary>
public sealed class WireBenchRun(WireBenchOptions options, WireTarget? mariaDb, WireTarget fleetSim, string slap)
{
    public async Task<IReadOnlyList<WireComparison>> RunAsync(CancellationToken cancellationToken)
    {
        var comparisons = new List<WireComparison>();
        foreach (var wireCase in WireCase.All)
            comparisons.Add(await MeasureAsync(wireCase, cancellationToken));
        return comparisons;
    }

    private async Task<WireComparison> MeasureAsync(WireCase wireCase, CancellationToken cancellationToken)
    {
        WireTarget[] targets = mariaDb is null ? [fleetSim] : [mariaDb, fleetSim];
        var rounds = targets.ToDictionary(t => t.Name, _ => new List<WireRound>());
        var slapQueries = new Dictionary<string, int>();
        if (wireCase.Client == WireCase.Slap)
        {
            foreach (var target in targets)
                slapQueries[target.Name] = await SlapRound.CalibrateAsync(slap, target, WireBenchOptions.SlapDatabase, options.Concurrency, options.RoundLength, cancellationToken);
        }
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var target in round % 2 == 0 ? targets : targets.Reverse())
            {
                var measured = wireCase.Client == WireCase.Slap
                    ? await SlapRound.MeasureAsync(slap, target, WireBenchOptions.SlapDatabase, options.Concurrency, slapQueries[target.Name], cancellationToken)
                    : await ConnectorRound.MeasureAsync(target, wireCase.Tls, options.Concurrency, options.WarmUp, options.RoundLength, cancellationToken);
                rounds[target.Name].Add(measured);
            }
            Console.Error.WriteLine($"{wireCase.Client}, TLS {wireCase.TlsName}, round {round + 1}/{options.Rounds}: "
                + string.Join(", ", targets.Select(t => $"{t.Name} {Describe(rounds[t.Name][^1])}")));
        }
        return new WireComparison(wireCase.Client, wireCase.TlsName, wireCase.Aim,
            mariaDb is null ? null : new WireCell(mariaDb.Name, rounds[mariaDb.Name]), new WireCell(fleetSim.Name, rounds[fleetSim.Name]));
    }

    private static string Describe(WireRound round) =>
        round.Seconds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{round.Connections / round.Seconds:N0}/s (client CPU {round.ClientCpuSeconds * 1e6 / Math.Max(1, round.Connections):N0} µs/connection{(round.Errors > 0 ? $", {round.Errors:N0} failed: {round.FirstError}" : "")})")
            : $"failed: {round.FirstError}";
}
