namespace FleetSim.Wire.Listening;

/// <summary>Listeners that cannot be opened as given: every problem, each naming its file, entry and field.</summary>
public sealed class WireEndpointListException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
