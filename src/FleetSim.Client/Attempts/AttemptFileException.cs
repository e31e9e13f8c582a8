namespace FleetSim.Client.Attempts;

/// <summary>An attempts file with bad lines: every problem found, each naming the file, line and field.</summary>
public sealed class AttemptFileException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
