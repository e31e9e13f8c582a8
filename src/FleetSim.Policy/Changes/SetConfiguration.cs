using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>`server configuration set`: one server parameter; validation judges its name and value.</summary>
public sealed record SetConfiguration(string Server, string Name, string Value) : ServerChange(Server)
{
    public override ChangeOutcome Apply(FleetSpec fleet) => ChangeServer(fleet, Server, s =>
        s with { Configurations = new Dictionary<string, string>(s.Configurations) { [Name] = Value } });
}
