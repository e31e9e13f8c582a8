namespace FleetSim.Harness;

/// <summary>A threshold expression that does not parse; the message names the expression and the position.</summary>
public sealed class ThresholdParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ThresholdParseException(string expression, int position, string problem)
        : base($"Threshold '{expression}': {problem} at position {position}.")
    {
        Expression = expression;
        Position = position;
        Problem = problem;
    }

    /// <summary>The expression as written.</summary>
    public string Expression { get; }

    /// <summary>Where the problem is, counting the first character as 1.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
