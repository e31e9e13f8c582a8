using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace FleetSim.LoadTests.Benchmarks;

/// <summary>
/// Keeps a benchmark run to a couple of minutes on a small shared machine: one process, a few
/// warmups and iterations (ShortRun, slightly longer). Enough to compare alternatives by their
/// ratio, not to publish absolute timings.
/// </summary>
public sealed class BoundedRunConfig : ManualConfig
{
    public BoundedRunConfig() =>
        AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithId("Bounded"));
}
