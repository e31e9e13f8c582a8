namespace FleetSim.LoadTests.Scale;

/// <param name="Servers">Fleet sizes of the servers curve (each server with <see cref="RulesOfServersCurve"/> rules).</param>
/// <param name="Rules">Rules per server of the rules curve (each with <see cref="ServersOfRulesCurve"/> servers).</param>
public sealed record ScaleOptions(
    IReadOnlyList<int> Servers,
    IReadOnlyList<int> Rules,
    int RulesOfServersCurve,
    int ServersOfRulesCurve,
    TimeSpan Duration,
    int Rounds,
    int Concurrency,
    string OutputFolder)
{
    /// <summary>The curves: 1k, 10k, 100k servers of 16 rules; 1, 16, 128 rules on 10k servers.</summary>
    public static ScaleOptions Full(string output) => new([1_000, 10_000, 100_000], [1, 16, 128], 16, 10_000, TimeSpan.FromSeconds(5), 3, 512, output);

    /// <summary>Both curves in seconds, to prove the verb works: the figures mean little.</summary>
    public static ScaleOptions Quick(string output) => new([20, 200], [1, 16], 16, 20, TimeSpan.FromSeconds(1), 1, 32, output);
}
