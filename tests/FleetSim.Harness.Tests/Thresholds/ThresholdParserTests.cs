using CsCheck;

namespace FleetSim.Harness.Tests.Thresholds;

public class ThresholdParserTests
{
    [Fact]
    public void Reads_scope_metric_operator_value_and_unit()
    {
        var threshold = Threshold.Parse("connect.p99 < 50ms");

        Assert.Equal(new Threshold("connect", ThresholdMetric.P99, ThresholdOperator.Less, 50, ThresholdUnit.Milliseconds), threshold);
        Assert.Equal(50, threshold.Limit);
    }

    [Theory]
    [InlineData("fail.rate < 0.01", "all", ThresholdMetric.FailRate, ThresholdOperator.Less, 0.01)]
    [InlineData("fail.count <= 3", "all", ThresholdMetric.FailCount, ThresholdOperator.LessOrEqual, 3)]
    [InlineData("all.rps >= 900", "all", ThresholdMetric.Rps, ThresholdOperator.GreaterOrEqual, 900)]
    [InlineData("connect.p99.9<2s", "connect", ThresholdMetric.P999, ThresholdOperator.Less, 2000)]
    [InlineData("  connect/auth.p95   <=  250us ", "connect/auth", ThresholdMetric.P95, ThresholdOperator.LessOrEqual, 0.25)]
    [InlineData("query.fail.rate < 1%", "query", ThresholdMetric.FailRate, ThresholdOperator.Less, 0.01)]
    [InlineData("query.mean < 12", "query", ThresholdMetric.Mean, ThresholdOperator.Less, 12)]
    [InlineData("connect.dropped.count < 1", "connect", ThresholdMetric.DroppedCount, ThresholdOperator.Less, 1)]
    [InlineData("connect.ok.count > 1e3", "connect", ThresholdMetric.OkCount, ThresholdOperator.Greater, 1000)]
    [InlineData("p50 < 5ms", "all", ThresholdMetric.P50, ThresholdOperator.Less, 5)]
    public void Reads_the_grammar(string expression, string scope, ThresholdMetric metric, ThresholdOperator op, double limit)
    {
        var threshold = Threshold.Parse(expression);

        Assert.Equal(scope, threshold.Scope);
        Assert.Equal(metric, threshold.Metric);
        Assert.Equal(op, threshold.Operator);
        Assert.Equal(limit, threshold.Limit, 9);
    }

    [Theory]
    [InlineData("", 1, "expected a scope and metric")]
    [InlineData("connect.p99 << 50ms", 14, "expected a number")]
    [InlineData("connect.p98 < 50ms", 9, "unknown metric")]
    [InlineData("connect.p99 == 50ms", 13, "expected an operator")]
    [InlineData("connect.p99 50ms", 13, "expected an operator")]
    [InlineData("connect.p99 < 50parsecs", 17, "unknown unit 'parsecs'")]
    [InlineData("connect.rps < 50ms", 17, "does not apply to rps")]
    [InlineData("connect.p99 < 50ms and more", 20, "unexpected 'and more'")]
    [InlineData("connect.p99 < 5.ms", 17, "digits after the decimal point")]
    public void Parse_errors_name_the_expression_and_the_position(string expression, int position, string problem)
    {
        var error = Assert.Throws<ThresholdParseException>(() => Threshold.Parse(expression));

        Assert.Equal(expression, error.Expression);
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{expression}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Printing_and_parsing_round_trip()
    {
        var scope = Gen.OneOf(
            Gen.Const("all"),
            Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_-."], 1, 12].Where(name => name != "all"),
            Gen.Select(Gen.String[Gen.Char["abcxyz"], 1, 5], Gen.String[Gen.Char["pqr.9"], 1, 5], (scenario, step) => $"{scenario}/{step}"));
        var metric = Gen.Enum<ThresholdMetric>();
        var op = Gen.Enum<ThresholdOperator>();
        var value = Gen.OneOf(Gen.Int[0, 100_000].Select(i => (double)i), Gen.Double[0, 1e9], Gen.Double[0, 1e-3]);
        var threshold = Gen.Select(scope, metric, op, value).SelectMany(drawn =>
        {
            var (s, m, o, v) = drawn;
            ThresholdUnit[] units = m switch
            {
                <= ThresholdMetric.Mean => [ThresholdUnit.None, ThresholdUnit.Microseconds, ThresholdUnit.Milliseconds, ThresholdUnit.Seconds],
                ThresholdMetric.FailRate => [ThresholdUnit.None, ThresholdUnit.Percent],
                _ => [ThresholdUnit.None],
            };
            return Gen.Int[0, units.Length - 1].Select(i => new Threshold(s, m, o, v, units[i]));
        });

        threshold.Sample(t => Assert.Equal(t, Threshold.Parse(t.ToString())));
    }
}
