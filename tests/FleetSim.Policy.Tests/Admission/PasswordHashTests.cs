using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>Passwords are kept as MariaDB keeps them for mysql_native_password, and only so.</summary>
public sealed class PasswordHashTests
{
    // SELECT PASSWORD('password') on MariaDB, and the hash mysql.user holds for it.
    private const string MariaDbHashOfPassword = "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19";

    [Fact]
    public void The_hash_is_what_MariaDBs_PASSWORD_gives() =>
        Assert.Equal(MariaDbHashOfPassword, PasswordHash.Of("password").Text);

    [Fact]
    public void Its_bytes_are_SHA1_of_SHA1_of_the_password_for_a_login_scramble_to_be_checked_against()
    {
        var hash = PasswordHash.Of("password");

        Assert.Equal(PasswordHash.Length, hash.Bytes.Length);
        Assert.Equal(Convert.FromHexString(MariaDbHashOfPassword[1..]), hash.Bytes.ToArray());
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("Password", false)]
    [InlineData("password ", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_password_itself_verifies(string? candidate, bool verifies) =>
        Assert.Equal(verifies, PasswordHash.Parse(MariaDbHashOfPassword).Verify(candidate));

    [Fact]
    public void The_written_form_reads_back_in_either_case()
    {
        Assert.Equal(PasswordHash.Of("password"), PasswordHash.Parse(MariaDbHashOfPassword.ToLowerInvariant()));
        Assert.Equal(PasswordHash.Of("password"), PasswordHash.FromBytes(PasswordHash.Of("password").Bytes));
    }

    [Fact]
    public void A_spec_kept_holds_hashes_in_place_of_every_password()
    {
        var server = Servers.Contoso with { Users = [new UserSpec { Name = "app", Password = "S3cret!pw" }] };

        var kept = StoredPasswords.Hashed(server);

        Assert.Equal((null, PasswordHash.Of(Servers.AdminPassword).Text), (kept.AdministratorLoginPassword, kept.AdministratorLoginPasswordHash));
        Assert.Equal((null, PasswordHash.Of("S3cret!pw").Text), (kept.Users[0].Password, kept.Users[0].PasswordHash));
        Assert.Same(kept, StoredPasswords.Hashed(kept));
    }
}
