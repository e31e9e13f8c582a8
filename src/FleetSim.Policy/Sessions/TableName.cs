namespace FleetSim.Policy.Sessions;

/// <summary>A table as a statement names it; Database is null when the statement left it to the current database.</summary>
public readonly record struct TableName(string? Database, string Table)
{
    public override string ToString() => Database is null ? Table : $"{Database}.{Table}";
}

/// <summary>A table a statement touches, and the privileges that takes.</summary>
public readonly record struct TableAccess(TableName Table, Privileges Required);
