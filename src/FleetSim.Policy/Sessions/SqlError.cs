namespace FleetSim.Policy.Sessions;

/// <summary>An error as a MariaDB client reports it: ERROR 1142 (42000): SELECT command denied ...</summary>
public sealed record SqlError(int Code, string SqlState, string Message)
{
    public override string ToString() => $"ERROR {Code} ({SqlState}): {Message}";
}
