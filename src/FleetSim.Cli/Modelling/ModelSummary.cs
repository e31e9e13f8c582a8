using System.Globalization;
using FleetSim.Cli.Attempts;
using FleetSim.Client.Attempts;

namespace FleetSim.Cli.Modelling;

/// <summary>`check`'s one-line summary of the model on standard error: percentiles, timeouts, the busiest queues.</summary>
public static class ModelSummary
{
    public static string Line(ModelledCheck modelled, IReadOnlyList<Attempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(modelled);
        ArgumentNullException.ThrowIfNull(attempts);
        var sorted = modelled.Latencies.Select(l => l.TotalMs).Order().ToArray();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"model: {sorted.Length} connections, modelled p50 {Percentile(sorted, 0.50):0.###} ms, p99 {Percentile(sorted, 0.99):0.###} ms, {modelled.Fleet.Timeouts} timed out (ClientTimeout)");
        var untimed = attempts.Count(a => a.At is null);
        if (untimed > 0)
            line += string.Create(CultureInfo.InvariantCulture, $"; {untimed} attempts without \"at\" arrive with the attempt before them");
        return line;
    }

    /// <summary>The nearest-rank percentile of sorted figures; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
