using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Changes;

/// <summary>
/// A management change to one server (`fleetsim server ...`, as `az mariadb server ...`): it is
/// applied where the fleet is kept, to the fleet as it is at that moment, so two changes made at
/// once both land. What the service refuses is decided here; the resulting fleet is then validated
/// like any fleet document.
/// </summary>
/// <param name="Server">The server changed (or created).</param>
public abstract record ServerChange(string Server)
{
    public abstract ChangeOutcome Apply(FleetSpec fleet);

    /// <summary>Replaces the named server by what <paramref name="change"/> makes of it, or passes on its refusal.</summary>
    protected static ChangeOutcome ChangeServer(FleetSpec fleet, string server, Func<ServerSpec, Edit<ServerSpec>> change)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var index = fleet.Servers.FindIndex(s => ResourceNames.Same(s.Name, server));
        if (index < 0)
            return ChangeOutcome.Refuse(fleet, NoSuchServer(server));
        var edit = change(fleet.Servers[index]);
        if (edit.Refusal is { } refusal)
            return ChangeOutcome.Refuse(fleet, refusal);
        var servers = new List<ServerSpec>(fleet.Servers) { [index] = edit.Value! };
        return new ChangeOutcome(fleet with { Servers = servers }, []);
    }

    protected static bool Exists(FleetSpec fleet, string server) =>
        fleet.Servers.Exists(s => ResourceNames.Same(s.Name, server));

    protected static string NoSuchServer(string server) => $"no server '{server}' in the fleet";

    protected static string AlreadyExists(string server) => $"a server '{server}' exists already";
}

/// <summary>A changed value, or the reason it cannot change.</summary>
public readonly record struct Edit<T>(T? Value, string? Refusal)
{
    public static implicit operator Edit<T>(T value) => new(value, null);

    public static Edit<T> Refuse(string reason) => new(default, reason);
}
