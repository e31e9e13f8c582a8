namespace FleetSim.Wire.Sessions;

/// <summary>A listener's running count of what the fleet logged for its clients, added to by each connection.</summary>
internal sealed class AuditedCount
{
    private long _value;

    public long Value => Interlocked.Read(ref _value);

    public void Add(long audited) => Interlocked.Add(ref _value, audited);
}
