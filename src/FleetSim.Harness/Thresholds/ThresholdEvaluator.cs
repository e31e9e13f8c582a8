using System.Globalization;

namespace FleetSim.Harness;

/// <summary>Finds a threshold's scope among the run's statistics and compares.</summary>
internal static class ThresholdEvaluator
{
    public static ThresholdResult Evaluate(Threshold threshold, IReadOnlyList<ScenarioStats> scenarios, CallStats all, long allDropped, bool brokeAtRunTime = false)
    {
        var (stats, dropped, problem) = Resolve(threshold.Scope, scenarios, all, allDropped);
        if (stats is null)
            return new ThresholdResult(threshold, false, null, $"{threshold}: {problem}", brokeAtRunTime);
        if (ThresholdMetricNames.IsLatency(threshold.Metric) && stats.OkCount == 0)
            return new ThresholdResult(threshold, false, null, $"{threshold}: no successful calls to measure", brokeAtRunTime);

        double actual = Measure(threshold.Metric, stats, dropped);
        bool kept = threshold.IsKeptBy(actual);
        var limit = $"{Threshold.OperatorText(threshold.Operator)} {threshold.Value.ToString(CultureInfo.InvariantCulture)}{Threshold.UnitText(threshold.Unit)}";
        var message = $"{threshold.Scope}.{ThresholdMetricNames.Name(threshold.Metric)} = {FormatActual(threshold.Metric, actual)} (limit {limit})";
        if (brokeAtRunTime)
            message += "; broke during the run";
        return new ThresholdResult(threshold, kept && !brokeAtRunTime, actual, message, brokeAtRunTime);
    }

    /// <summary>
    /// A scenario name wins over a step of the same name (write <c>scenario/step</c> for the step);
    /// a bare step name must belong to one scenario only.
    /// </summary>
    private static (CallStats? Stats, long Dropped, string? Problem) Resolve(string scope, IReadOnlyList<ScenarioStats> scenarios, CallStats all, long allDropped)
    {
        if (scope == NameRules.AllScope)
            return (all, allDropped, null);
        int slash = scope.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var scenarioName = scope[..slash];
            var stepName = scope[(slash + 1)..];
            var scenario = scenarios.FirstOrDefault(s => s.Name == scenarioName);
            if (scenario is null)
                return (null, 0, $"no scenario named '{scenarioName}'");
            var step = scenario.Steps.FirstOrDefault(s => s.Step == stepName);
            return step is null ? (null, 0, $"scenario '{scenarioName}' ran no step named '{stepName}'") : (step, 0, null);
        }
        var byName = scenarios.FirstOrDefault(s => s.Name == scope);
        if (byName is not null)
            return (byName.Totals, byName.DroppedCount, null);
        var owners = scenarios.Where(s => s.Steps.Any(step => step.Step == scope)).ToArray();
        return owners.Length switch
        {
            0 => (null, 0, $"no scenario or step named '{scope}'"),
            1 => (owners[0].Steps.First(step => step.Step == scope), 0, null),
            _ => (null, 0, $"the step '{scope}' is in scenarios {string.Join(", ", owners.Select(s => s.Name))}; write '{owners[0].Name}/{scope}'"),
        };
    }

    private static double Measure(ThresholdMetric metric, CallStats stats, long dropped) => metric switch
    {
        ThresholdMetric.P50 => stats.Ok.P50Ms,
        ThresholdMetric.P75 => stats.Ok.P75Ms,
        ThresholdMetric.P95 => stats.Ok.P95Ms,
        ThresholdMetric.P99 => stats.Ok.P99Ms,
        ThresholdMetric.P999 => stats.Ok.P999Ms,
        ThresholdMetric.Max => stats.Ok.MaxMs,
        ThresholdMetric.Mean => stats.Ok.MeanMs,
        ThresholdMetric.Rps => stats.Rps,
        ThresholdMetric.FailRate => stats.FailRate,
        ThresholdMetric.FailCount => stats.FailCount,
        ThresholdMetric.OkCount => stats.OkCount,
        _ => dropped,
    };

    private static string FormatActual(ThresholdMetric metric, double actual) => metric switch
    {
        _ when ThresholdMetricNames.IsLatency(metric) => $"{actual.ToString("0.###", CultureInfo.InvariantCulture)} ms",
        ThresholdMetric.Rps => $"{actual.ToString("0.#", CultureInfo.InvariantCulture)}/s",
        ThresholdMetric.FailRate => actual.ToString("0.#####", CultureInfo.InvariantCulture),
        _ => actual.ToString("0", CultureInfo.InvariantCulture),
    };
}
