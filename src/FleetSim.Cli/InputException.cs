namespace FleetSim.Cli;

/// <summary>Bad input at the edge: every problem found, each naming file, line or field. Exit code 2.</summary>
public sealed class InputException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
