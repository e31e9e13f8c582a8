using System.Globalization;

namespace FleetSim.Harness;

/// <summary>
/// A pass/fail rule over the run's statistics, written as a short expression:
/// <c>&lt;scope&gt;.&lt;metric&gt; &lt;op&gt; &lt;value&gt;[unit]</c>, e.g. <c>connect.p99 &lt; 50ms</c>,
/// <c>fail.rate &lt; 0.01</c>, <c>all.rps &gt;= 900</c>, <c>connect/auth.p95 &lt;= 2s</c>.
/// </summary>
/// <remarks>
/// The scope is a scenario name, a step name (or <c>scenario/step</c> when a step name is in several
/// scenarios), or <c>all</c>; with no scope (<c>fail.rate</c>, <c>p99</c>) it is <c>all</c>. Metrics:
/// p50, p75, p95, p99, p99.9, max, mean (latency of successful calls; units us, ms, s; ms when none
/// is written), rps, fail.rate (a fraction, or a percentage with %), fail.count, ok.count,
/// dropped.count. Operators: &lt; &lt;= &gt; &gt;=.
/// </remarks>
/// <param name="Scope">A scenario or step name, <c>scenario/step</c>, or "all".</param>
/// <param name="Metric">What is measured.</param>
/// <param name="Operator">How it is compared.</param>
/// <param name="Value">The limit, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The limit's unit as written.</param>
public sealed record Threshold(string Scope, ThresholdMetric Metric, ThresholdOperator Operator, double Value, ThresholdUnit Unit)
{
    /// <summary>Whether a break during the run stops it (checked at each reporting tick); otherwise checked only at the end.</summary>
    public bool AbortOnFail { get; init; }

    /// <summary>With <see cref="AbortOnFail"/>: run-time checks begin this long after the start, past early noise.</summary>
    public TimeSpan StartCheckingAfter { get; init; }

    /// <summary>The limit in the metric's base unit: milliseconds for latencies, a fraction for fail.rate.</summary>
    public double Limit => Unit switch
    {
        ThresholdUnit.Microseconds => Value / 1000d,
        ThresholdUnit.Seconds => Value * 1000d,
        ThresholdUnit.Percent => Value / 100d,
        _ => Value,
    };

    /// <summary>Parses an expression; throws <see cref="ThresholdParseException"/> naming the expression and position.</summary>
    public static Threshold Parse(string expression) => ThresholdParser.Parse(expression);

    /// <summary>The same threshold, checked while the run goes and stopping it when broken.</summary>
    public Threshold AbortingRun(TimeSpan startCheckingAfter = default) =>
        this with { AbortOnFail = true, StartCheckingAfter = startCheckingAfter };

    /// <summary>Whether <paramref name="actual"/> (in the base unit, see <see cref="Limit"/>) keeps the threshold.</summary>
    public bool IsKeptBy(double actual) => Operator switch
    {
        ThresholdOperator.Less => actual < Limit,
        ThresholdOperator.LessOrEqual => actual <= Limit,
        ThresholdOperator.Greater => actual > Limit,
        _ => actual >= Limit,
    };

    /// <summary>The canonical expression; <see cref="Parse"/> reads it back to an equal threshold.</summary>
    public override string ToString() =>
        $"{Scope}.{ThresholdMetricNames.Name(Metric)} {OperatorText(Operator)} {Value.ToString("R", CultureInfo.InvariantCulture)}{UnitText(Unit)}";

    internal static string OperatorText(ThresholdOperator op) => op switch
    {
        ThresholdOperator.Less => "<",
        ThresholdOperator.LessOrEqual => "<=",
        ThresholdOperator.Greater => ">",
        _ => ">=",
    };

    internal static string UnitText(ThresholdUnit unit) => unit switch
    {
        ThresholdUnit.Microseconds => "us",
        ThresholdUnit.Milliseconds => "ms",
        ThresholdUnit.Seconds => "s",
        ThresholdUnit.Percent => "%",
        _ => "",
    };
}
