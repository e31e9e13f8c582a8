using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>The fleet a change leads to, or why the change is refused (the fleet then stays as it was).</summary>
public sealed record ChangeOutcome(FleetSpec Fleet, IReadOnlyList<string> Errors)
{
    public bool Refused => Errors.Count > 0;

    public static ChangeOutcome Refuse(FleetSpec fleet, string error) => new(fleet, [error]);
}
