using FleetSim.Contracts.Connections;
using FleetSim.Policy;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Fleet;

/// <summary>
/// Which servers a provisioning calls, and which it leaves to activate on their first call.
/// A server is a virtual grain: it exists whether or not it is in memory, and one that activates
/// takes its configuration from the directory. A server whose configuration does not depend on the
/// moment it is applied is therefore not activated to be created, nor to be told the fleet's
/// settings again: a fleet of 100,000 servers costs what its clients use, not an activation, a
/// state write and compiled rules per server. Whatever depends on the moment is applied then: a
/// change to a server (its rules wait out ruleChangeDelay from now), a customer-managed key that is
/// unusable (its revocation delay runs from now), and the fleet's settings to a server in memory.
/// </summary>
internal static class CreatedOnDemand
{
    /// <param name="fleet">Every server of the fleet being applied.</param>
    /// <param name="created">The servers the fleet did not have.</param>
    /// <param name="changed">The existing servers whose specification changed.</param>
    /// <param name="active">For a whole document, which may change the fleet's settings: the servers in memory now; null for a management change.</param>
    /// <returns>The servers to provision now, and the new servers left to activate on demand.</returns>
    public static (List<ServerSpec> Eager, List<ServerSpec> OnDemand) Split(
        IReadOnlyList<ServerSpec> fleet, IReadOnlyCollection<string> created, IReadOnlyCollection<string> changed,
        IReadOnlySet<string>? active, FleetContext context)
    {
        var isCreated = created.ToHashSet(ResourceNames.Comparer);
        var isChanged = changed.ToHashSet(ResourceNames.Comparer);
        List<ServerSpec> eager = [], onDemand = [];
        foreach (var server in fleet)
        {
            if (isCreated.Contains(server.Name!))
                (context.KeyUsable(server) ? onDemand : eager).Add(server);
            else if (isChanged.Contains(server.Name!) || (active is not null && (active.Contains(server.Name!) || !context.KeyUsable(server))))
                eager.Add(server);
        }
        return (eager, onDemand);
    }
}
