using CsCheck;
using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// A real client's mysql_native_password login: the server holds only SHA1(SHA1(password)) and
/// checks the client's answer to its scramble against it.
/// </summary>
public sealed class ScrambleProofTests
{
    private static readonly Gen<byte[]> Scrambles = Gen.Byte[33, 126].Array[20];

    [Fact]
    public void The_answer_of_a_client_that_knows_the_password_verifies_and_another_passwords_does_not() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 30], Gen.String[Gen.Char.AlphaNumeric, 1, 30], Scrambles)
            .Sample((password, other, scramble) =>
            {
                var stored = PasswordHash.Of(password);
                Assert.True(ScrambleProof.For(password, scramble).Verifies(stored));
                Assert.Equal(password == other, ScrambleProof.For(other, scramble).Verifies(stored));
            });

    [Fact]
    public void An_answer_is_bound_to_its_scramble_so_a_replayed_login_fails() =>
        Gen.Select(Scrambles, Scrambles).Where((a, b) => !a.AsSpan().SequenceEqual(b)).Sample((first, second) =>
        {
            var answer = ScrambleProof.For("Contoso!2026", first).Response;
            Assert.False(new ScrambleProof(second, answer).Verifies(PasswordHash.Of("Contoso!2026")));
        });

    [Fact]
    public void A_client_without_a_password_sends_an_empty_answer_which_never_matches_a_password()
    {
        var proof = ScrambleProof.For(null, new byte[20]);

        Assert.True(proof.Empty);
        Assert.False(proof.Verifies(PasswordHash.Of("x")));
    }

    [Fact]
    public void Authentication_with_a_proof_says_using_password_yes_or_no_as_MariaDB_does()
    {
        var server = Servers.Contoso;
        var accounts = Policy.Sessions.AccessControl.FromSpec(server);
        var scramble = new byte[20];

        Assert.True(accounts.Authenticate(server.AdministratorLogin!, null, ScrambleProof.For(server.AdministratorLoginPassword, scramble)));
        Assert.False(accounts.Authenticate(server.AdministratorLogin!, server.AdministratorLoginPassword, ScrambleProof.For("guess", scramble)));
        var noPassword = ServerAdmission.Admit(ServerPolicy.Compile(server with { FirewallRules = [Servers.AllowWholeInternet] }),
            new AdmissionRequest(server.AdministratorLogin!, null, Spec.TlsVersion.Tls1_2, Clients.Internet(), Proof: ScrambleProof.For(null, scramble)),
            accounts, 0, null);
        Assert.EndsWith("(using password: NO)", noPassword.Message, StringComparison.Ordinal);
    }
}
