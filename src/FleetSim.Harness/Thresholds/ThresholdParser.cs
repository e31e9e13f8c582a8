using System.Globalization;

namespace FleetSim.Harness;

/// <summary>Reads <c>&lt;scope&gt;.&lt;metric&gt; &lt;op&gt; &lt;value&gt;[unit]</c>; see <see cref="Threshold"/>.</summary>
internal static class ThresholdParser
{
    public static Threshold Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        int i = SkipSpaces(expression, 0);

        // Left side: everything up to a space or an operator character.
        int leftStart = i;
        while (i < expression.Length && !char.IsWhiteSpace(expression[i]) && expression[i] is not ('<' or '>' or '='))
            i++;
        if (i == leftStart)
            throw Error(expression, i, "expected a scope and metric such as 'connect.p99'");
        var (scope, metric) = SplitLeft(expression, leftStart, expression[leftStart..i]);

        i = SkipSpaces(expression, i);
        var op = ReadOperator(expression, ref i);

        i = SkipSpaces(expression, i);
        double value = ReadNumber(expression, ref i);

        int unitStart = i;
        while (i < expression.Length && !char.IsWhiteSpace(expression[i]))
            i++;
        var unit = ReadUnit(expression, unitStart, expression[unitStart..i], metric);

        i = SkipSpaces(expression, i);
        if (i < expression.Length)
            throw Error(expression, i, $"unexpected '{expression[i..]}' after the value");
        return new Threshold(scope, metric, op, value, unit);
    }

    private static (string Scope, ThresholdMetric Metric) SplitLeft(string expression, int leftStart, string left)
    {
        foreach (var (metric, name) in ThresholdMetricNames.LongestFirst)
        {
            if (left == name)
                return (NameRules.AllScope, metric);
            if (left.Length > name.Length + 1 && left.EndsWith(name, StringComparison.Ordinal) && left[^(name.Length + 1)] == '.')
                return (left[..^(name.Length + 1)], metric);
        }
        int dot = left.IndexOf('.', StringComparison.Ordinal);
        int at = dot >= 0 ? leftStart + dot + 1 : leftStart;
        throw Error(expression, at, $"unknown metric in '{left}'; expected <scope>.<metric> with a metric among {ThresholdMetricNames.All}");
    }

    private static ThresholdOperator ReadOperator(string expression, ref int i)
    {
        int start = i;
        if (i < expression.Length && expression[i] is '<' or '>')
        {
            bool less = expression[i] == '<';
            i++;
            if (i < expression.Length && expression[i] == '=')
            {
                i++;
                return less ? ThresholdOperator.LessOrEqual : ThresholdOperator.GreaterOrEqual;
            }
            return less ? ThresholdOperator.Less : ThresholdOperator.Greater;
        }
        throw Error(expression, start, "expected an operator (<, <=, >, >=)");
    }

    private static double ReadNumber(string expression, ref int i)
    {
        int start = i;
        while (i < expression.Length && char.IsAsciiDigit(expression[i]))
            i++;
        if (i == start)
            throw Error(expression, start, "expected a number");
        if (i < expression.Length && expression[i] == '.')
        {
            i++;
            int fraction = i;
            while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                i++;
            if (i == fraction)
                throw Error(expression, i, "expected digits after the decimal point");
        }
        // An exponent ("1E-05") only when digits follow, so that a unit such as "s" is not mistaken for one.
        if (i < expression.Length && expression[i] is 'e' or 'E')
        {
            int j = i + 1;
            if (j < expression.Length && expression[j] is '+' or '-')
                j++;
            if (j < expression.Length && char.IsAsciiDigit(expression[j]))
            {
                while (j < expression.Length && char.IsAsciiDigit(expression[j]))
                    j++;
                i = j;
            }
        }
        return double.Parse(expression.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static ThresholdUnit ReadUnit(string expression, int at, string text, ThresholdMetric metric)
    {
        var unit = text switch
        {
            "" => ThresholdUnit.None,
            "us" or "µs" => ThresholdUnit.Microseconds,
            "ms" => ThresholdUnit.Milliseconds,
            "s" => ThresholdUnit.Seconds,
            "%" => ThresholdUnit.Percent,
            _ => throw Error(expression, at, $"unknown unit '{text}'; expected us, ms, s or %"),
        };
        bool fits = unit switch
        {
            ThresholdUnit.None => true,
            ThresholdUnit.Percent => metric == ThresholdMetric.FailRate,
            _ => ThresholdMetricNames.IsLatency(metric),
        };
        if (!fits)
            throw Error(expression, at, $"the unit '{text}' does not apply to {ThresholdMetricNames.Name(metric)}");
        return unit;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
            i++;
        return i;
    }

    private static ThresholdParseException Error(string expression, int index, string problem) => new(expression, index + 1, problem);
}
