using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Client.Attempts;
using FleetSim.Hosting;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Commands;

/// <summary>
/// Sends every attempt through a regional gateway and prints the decisions in input order.
/// Attempts to the same server run one after another in file order, so that what one attempt
/// changes (a held connection counting towards max_connections) is seen by the next exactly as
/// the file reads; different servers run concurrently.
/// </summary>
public sealed class CheckRunner(IFleetHost silo, long directoryVersion)
{
    private const int ServersInFlight = 256;

    public async Task<ConnectResult[]> RunAsync(IReadOnlyList<Attempt> attempts, CancellationToken cancellationToken)
    {
        var results = new ConnectResult[attempts.Count];
        var held = new List<ConnectResult>();
        var byServer = Enumerable.Range(0, attempts.Count)
            .GroupBy(i => GatewayRouting.SplitUser(attempts[i].User!, attempts[i].Host).Server ?? "", Policy.ResourceNames.Comparer);

        await Parallel.ForEachAsync(byServer, new ParallelOptions { MaxDegreeOfParallelism = ServersInFlight, CancellationToken = cancellationToken },
            async (chain, _) =>
            {
                foreach (var index in chain)
                {
                    var (request, pinned) = AttemptFile.ToRequest(attempts[index]);
                    var result = await silo.Connector.Connect(request, pinned, directoryVersion);
                    results[index] = result;
                    if (result.Allowed && request.Hold)
                    {
                        lock (held)
                            held.Add(result);
                    }
                }
            });

        // Held connections stay open until every attempt has been decided, then close cleanly,
        // at the simulated time of the last attempt when the file gives times.
        var end = attempts.Select(a => a.At).Max();
        await Task.WhenAll(held.Select(connection => silo.Connector.Disconnect(connection, end)));
        return results;
    }

    public static void PrintAlerts(IEnumerable<Policy.Threats.SecurityAlert> alerts, Stream output) =>
        JsonLines.Write(alerts, DecisionLine.WriteAlert, output);

    public static void Print(IReadOnlyList<Attempt> attempts, IReadOnlyList<ConnectResult> results, Stream output, IReadOnlyList<Policy.Model.ModelledLatency>? modelled = null) =>
        JsonLines.Write(Enumerable.Range(0, attempts.Count), (json, i) => DecisionLine.Write(json, attempts[i].Id!, results[i], modelled?[i].TotalMs), output);
}
