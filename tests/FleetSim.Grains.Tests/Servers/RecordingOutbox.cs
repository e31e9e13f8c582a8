using FleetSim.Grains.Audit;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Threats;

namespace FleetSim.Grains.Tests.Servers;

/// <summary>An outbox that keeps what a server's components put in it, to be read by a test.</summary>
internal sealed class RecordingOutbox : IAuditOutbox
{
    public List<AuditRecord> Records { get; } = [];

    public List<SecurityAlert> Alerts { get; } = [];

    public void Add(AuditRecord? record)
    {
        if (record is not null)
            Records.Add(record);
    }

    public void Add(IReadOnlyList<SecurityAlert> alerts) => Alerts.AddRange(alerts);
}
