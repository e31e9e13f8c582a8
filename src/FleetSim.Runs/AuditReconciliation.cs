using System.Globalization;
using System.Text.Json;

namespace FleetSim.Runs;

/// <summary>
/// What a run's clients were told the fleet logged (audit records and gateway log entries)
/// against what the store gained over the run. Missing records are the window a hard kill took
/// under batched durability; extra ones belong to calls whose answer never reached a client
/// (their silo died after the fleet logged them, before the reply arrived).
/// </summary>
public sealed record AuditReconciliation(long Acknowledged, long Stored)
{
    public long Missing => Math.Max(0, Acknowledged - Stored);

    public long Extra => Math.Max(0, Stored - Acknowledged);

    /// <summary>audit-reconciliation.json of a run's report folder, for scripts and CI to read.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { acknowledged = Acknowledged, stored = Stored, missing = Missing, extra = Extra },
        Indented);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Describe()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Acknowledged:N0} reported to clients, {Stored:N0} stored: {(Missing == 0 ? "none missing" : $"{Missing:N0} missing")}");
        return Extra == 0 ? text : text + string.Create(CultureInfo.InvariantCulture, $" ({Extra:N0} more from calls whose answer was lost)");
    }
}
