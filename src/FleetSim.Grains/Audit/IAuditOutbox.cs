using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Audit;

/// <summary>Where a grain's components put the audit records and alerts they produce; the grain delivers them.</summary>
internal interface IAuditOutbox
{
    /// <summary>A record the audit policy produced; null when the policy logs nothing for the event.</summary>
    void Add(AuditRecord? record);

    void Add(IReadOnlyList<SecurityAlert> alerts);
}
