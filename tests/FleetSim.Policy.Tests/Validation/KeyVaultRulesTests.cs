using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Validation;

public sealed class KeyVaultRulesTests
{
    private static FleetSpec Fleet(string keyState, string keyName) => new()
    {
        KeyVaults = [new KeyVaultSpec { Name = "kv", Keys = [new KeyVaultKeySpec { Name = "cmk", State = keyState }] }],
        Servers = [new ServerSpec { Name = "contoso", DataEncryption = new DataEncryptionSpec { KeyVault = "kv", KeyName = keyName } }],
    };

    [Fact]
    public void A_customer_managed_key_must_exist_in_a_declared_vault()
    {
        var errors = KeyVaultValidator.Validate(Fleet("Enabled", "other")).ToList();
        Assert.Equal(["servers[0].dataEncryption: no key 'other' in a key vault 'kv' of keyVaults"], errors);
    }

    [Fact]
    public void A_key_state_must_be_one_a_vault_has()
    {
        Assert.Contains(KeyVaultValidator.Validate(Fleet("Lost", "cmk")), e => e.StartsWith("keyVaults[0].keys[0].state: 'Lost'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Enabled", true)]
    [InlineData("Disabled", false)]
    [InlineData("Deleted", false)]
    [InlineData("AccessRevoked", false)]
    public void Only_an_enabled_key_can_unwrap_the_servers_data_key(string state, bool usable)
    {
        var fleet = Fleet(state, "cmk");
        Assert.Equal(usable, KeyVaultValidator.KeyUsable(fleet, fleet.Servers[0]));
    }

    [Fact]
    public void A_server_without_a_customer_managed_key_uses_service_managed_keys()
    {
        Assert.True(KeyVaultValidator.KeyUsable(new FleetSpec(), new ServerSpec { Name = "contoso" }));
    }
}
