using BenchmarkDotNet.Attributes;
using FleetSim.Policy.Network;

namespace FleetSim.LoadTests.Benchmarks;

/// <summary>
/// The compiled <see cref="FirewallRuleSet"/> against the linear scan it replaces, per lookup, at
/// one rule, a typical server's 16, and the 128-rule limit [FleetSim rule].
/// </summary>
// Not sealed: BenchmarkDotNet generates a class that derives from the benchmark.
[Config(typeof(BoundedRunConfig))]
[MemoryDiagnoser]
public class FirewallMatchBenchmark
{
    /// <summary>Addresses per invocation; each benchmark call matches the whole batch.</summary>
    public const int BatchSize = 1024;

    // Fixed, so that every run and both methods see the same rules and addresses.
    private const int Seed = 20_240_917;

    private IReadOnlyList<FirewallRule> _rules = [];
    private FirewallRuleSet _compiled = FirewallRuleSet.Empty;
    private Ipv4[] _addresses = [];

    [Params(1, 16, 128)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        var rules = new FirewallRule[RuleCount];
        for (var i = 0; i < rules.Length; i++)
        {
            // Office and cloud egress ranges: CIDR blocks from /16 to /32 anywhere in the space.
            var prefix = random.Next(16, 33);
            var mask = uint.MaxValue << (32 - prefix);
            var network = (uint)random.NextInt64(0, 1L << 32) & mask;
            rules[i] = new FirewallRule($"rule-{i:D3}", new Ipv4Range(new Ipv4(network), new Ipv4(network | ~mask)));
        }
        _rules = rules;
        _compiled = new FirewallRuleSet(rules);

        // Half the lookups land inside a rule (hits), half anywhere (nearly all misses: default deny).
        _addresses = new Ipv4[BatchSize];
        for (var i = 0; i < _addresses.Length; i++)
        {
            if (i % 2 == 0)
            {
                var range = rules[random.Next(rules.Length)].Range;
                _addresses[i] = new Ipv4((uint)random.NextInt64(range.Start.Value, (long)range.End.Value + 1));
            }
            else
            {
                _addresses[i] = new Ipv4((uint)random.NextInt64(0, 1L << 32));
            }
        }
        random.Shuffle(_addresses);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize)]
    public int LinearScan()
    {
        var hits = 0;
        foreach (var ip in _addresses)
        {
            if (LinearFirewallScan.Match(_rules, ip) is not null)
                hits++;
        }
        return hits;
    }

    [Benchmark(OperationsPerInvoke = BatchSize)]
    public int Compiled()
    {
        var hits = 0;
        foreach (var ip in _addresses)
        {
            if (_compiled.Match(ip) is not null)
                hits++;
        }
        return hits;
    }
}
