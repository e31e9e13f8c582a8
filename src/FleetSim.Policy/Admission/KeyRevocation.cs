using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A server's customer-managed key as the service watches it: once the key can no longer be
/// reached, the server keeps serving for the fleet's revocation delay, then is Inaccessible, and
/// stays so until it is revalidated, even after access to the key is restored. The delay runs on
/// the server's own clock.
/// </summary>
public sealed class KeyRevocation
{
    private bool _usable = true;

    /// <summary>When the key was first found unreachable; null while it is usable.</summary>
    public DateTimeOffset? LostAt { get; private set; }

    /// <summary>True once the delay ran out; only a revalidation clears it.</summary>
    public bool Inaccessible { get; private set; }

    public TimeSpan Delay { get; private set; }

    /// <summary>When a lost key makes the server Inaccessible; null when nothing is counting down.</summary>
    public DateTimeOffset? InaccessibleAt => Inaccessible ? null : LostAt + Delay;

    public static KeyRevocation Restore(DateTimeOffset? lostAt, bool inaccessible) => new() { LostAt = lostAt, Inaccessible = inaccessible };

    /// <summary>What the fleet says of the key now; true when it has just become unreachable.</summary>
    public bool Observe(bool usable, TimeSpan delay, DateTimeOffset now)
    {
        (_usable, Delay) = (usable, delay);
        if (!usable)
        {
            var lost = LostAt is null;
            LostAt ??= now;
            return lost && !Inaccessible;
        }
        if (!Inaccessible)
            LostAt = null;
        return false;
    }

    /// <summary>True when the delay has just run out at <paramref name="now"/>: the server becomes Inaccessible.</summary>
    public bool RunOut(DateTimeOffset now)
    {
        if (InaccessibleAt is not { } due || now < due)
            return false;
        Inaccessible = true;
        return true;
    }

    /// <summary>The state a server is judged by: Inaccessible overrides what its specification says.</summary>
    public ServerState StateOf(ServerState configured) => Inaccessible ? ServerState.Inaccessible : configured;

    /// <summary>Brings the server back; refused, with the reason, while the key is still unreachable.</summary>
    public string? Revalidate(string server)
    {
        if (!_usable)
            return $"the customer-managed key of server '{server}' is still unreachable: restore access to it in its key vault first";
        (LostAt, Inaccessible) = (null, false);
        return null;
    }
}
