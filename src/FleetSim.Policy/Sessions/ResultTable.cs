namespace FleetSim.Policy.Sessions;

/// <summary>
/// The rows a statement answers with, as text (NULL as null): FleetSim has no table engine, so only
/// what a session knows about itself and its server has rows (see <see cref="QueryAnswers"/>).
/// </summary>
public sealed record ResultTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);
