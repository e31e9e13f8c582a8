using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// A revoked customer-managed key (DOMAIN, "Encryption at rest"): the server keeps serving for the
/// revocation delay, then is Inaccessible until revalidated, even once the key is back.
/// </summary>
public sealed class KeyRevocationTests
{
    private static readonly DateTimeOffset Lost = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(10);

    private static KeyRevocation Revoked()
    {
        var key = new KeyRevocation();
        Assert.True(key.Observe(usable: false, Delay, Lost));
        return key;
    }

    [Fact]
    public void A_lost_key_leaves_the_server_serving_until_the_delay_runs_out()
    {
        var key = Revoked();

        Assert.False(key.RunOut(Lost + Delay - TimeSpan.FromSeconds(1)));
        Assert.Equal(ServerState.Ready, key.StateOf(ServerState.Ready));
        Assert.Equal(Lost + Delay, key.InaccessibleAt);
    }

    [Fact]
    public void Past_the_delay_the_server_is_Inaccessible_whatever_its_specification_says()
    {
        var key = Revoked();

        Assert.True(key.RunOut(Lost + Delay));
        Assert.False(key.RunOut(Lost + Delay + TimeSpan.FromMinutes(1)));
        Assert.Equal(ServerState.Inaccessible, key.StateOf(ServerState.Ready));
    }

    [Fact]
    public void The_delay_counts_from_when_the_key_was_first_found_lost_not_from_later_provisions()
    {
        var key = Revoked();

        Assert.False(key.Observe(usable: false, Delay, Lost + TimeSpan.FromMinutes(5)));
        Assert.Equal(Lost + Delay, key.InaccessibleAt);
    }

    [Fact]
    public void A_key_restored_within_the_delay_stops_the_countdown()
    {
        var key = Revoked();

        key.Observe(usable: true, Delay, Lost + TimeSpan.FromMinutes(5));

        Assert.Null(key.InaccessibleAt);
        Assert.False(key.RunOut(Lost + Delay));
    }

    [Fact]
    public void An_Inaccessible_server_stays_so_once_the_key_is_back_until_it_is_revalidated()
    {
        var key = Revoked();
        key.RunOut(Lost + Delay);

        Assert.Contains("still unreachable", key.Revalidate("contoso"), StringComparison.Ordinal);
        key.Observe(usable: true, Delay, Lost + Delay + TimeSpan.FromMinutes(1));
        Assert.Equal(ServerState.Inaccessible, key.StateOf(ServerState.Ready));

        Assert.Null(key.Revalidate("contoso"));
        Assert.Equal(ServerState.Ready, key.StateOf(ServerState.Ready));
    }

    [Fact]
    public void What_was_saved_comes_back()
    {
        var key = KeyRevocation.Restore(Lost, inaccessible: false);
        key.Observe(usable: false, Delay, Lost + TimeSpan.FromMinutes(3));

        Assert.Equal(Lost + Delay, key.InaccessibleAt);
        Assert.Equal(ServerState.Inaccessible, KeyRevocation.Restore(Lost, inaccessible: true).StateOf(ServerState.Ready));
    }
}
