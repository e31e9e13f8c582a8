namespace FleetSim.Policy.Tests.Validation;

/// <summary>A server's own settings: name, region, SKU, state, administrator, TLS, public access.</summary>
public sealed class ServerRulesTests
{
    private const string NameRule = "must be 3-63 characters of lower-case letters, digits and '-', not starting or ending with '-'";

    [Theory]
    [InlineData("ab")]
    [InlineData("Contoso")]
    [InlineData("-contoso")]
    [InlineData("contoso-")]
    [InlineData("con_toso")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Server_name_is_3_to_63_lower_case_letters_digits_and_inner_hyphens(string name) =>
        Assert.Equal($"servers[0].name: '{name}' {NameRule}", Fleets.Error(Fleets.Server(name)));

    [Theory]
    [InlineData("abc")]
    [InlineData("contoso-prod-01")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Server_names_within_the_rule_are_accepted(string name) => Assert.Empty(Fleets.Errors(Fleets.Server(name)));

    [Fact]
    public void Server_name_is_required() => Assert.Equal("servers[0].name: is required", Fleets.Error(Fleets.Server() with { Name = null }));

    [Fact]
    public void Server_names_are_unique() =>
        Assert.Equal("servers[1].name: 'contoso' is already used by servers[0].name", Fleets.Error(Fleets.With(Fleets.Server(), Fleets.Server())));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("eastus", "'eastus' is not a declared region; declared: northeurope, westeurope")]
    public void Server_region_is_required_and_declared(string? region, string message) =>
        Assert.Equal($"servers[0].region: {message}", Fleets.Error(Fleets.Server() with { Region = region }));

    [Theory]
    [InlineData("GP_Gen4_2")]
    [InlineData("GP_Gen5_3")]
    [InlineData("B_Gen5_4")]
    [InlineData("gp_gen5_2")]
    public void Sku_must_be_a_real_SKU_and_the_message_lists_them(string sku)
    {
        Assert.Equal(
            $"servers[0].sku: '{sku}' is not a SKU; valid SKUs: B_Gen5_1, B_Gen5_2, GP_Gen5_2, GP_Gen5_4, GP_Gen5_8, GP_Gen5_16, GP_Gen5_32, GP_Gen5_64, MO_Gen5_2, MO_Gen5_4, MO_Gen5_8, MO_Gen5_16, MO_Gen5_32",
            Fleets.Error(Fleets.Server() with { Sku = sku }));
    }

    [Theory]
    [InlineData("Running")]
    [InlineData("ready")]
    [InlineData("0")]
    [InlineData(" Ready")]
    [InlineData("Ready,Stopped")]
    public void Server_state_is_Ready_Stopped_or_Inaccessible(string state) =>
        Assert.Equal($"servers[0].state: '{state}' is not one of Ready|Stopped|Inaccessible", Fleets.Error(Fleets.Server() with { State = state }));

    [Fact]
    public void Administrator_login_is_required() =>
        Assert.Equal("servers[0].administratorLogin: is required", Fleets.Error(Fleets.Server() with { AdministratorLogin = " " }));

    [Theory]
    [InlineData("azure_superuser")]
    [InlineData("admin")]
    [InlineData("Administrator")]
    [InlineData("ROOT")]
    [InlineData("guest")]
    [InlineData("public")]
    public void Administrator_login_must_not_be_a_reserved_name_in_any_case(string login)
    {
        Assert.Equal(
            $"servers[0].administratorLogin: '{login}' is reserved; not allowed: azure_superuser, admin, administrator, root, guest, public (in any case)",
            Fleets.Error(Fleets.Server() with { AdministratorLogin = login }));
    }

    [Theory]
    [InlineData("fleet@contoso")]
    [InlineData("fleet admin")]
    public void Administrator_login_must_not_contain_at_sign_or_whitespace(string login) =>
        Assert.Equal($"servers[0].administratorLogin: '{login}' must not contain '@' or whitespace", Fleets.Error(Fleets.Server() with { AdministratorLogin = login }));

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(129)]
    [InlineData(200)]
    public void Administrator_password_is_8_to_128_characters(int length)
    {
        var password = string.Concat(Enumerable.Repeat("Ab1!", 50))[..length];

        Assert.Equal($"servers[0].administratorLoginPassword: must be 8-128 characters; it has {length}",
            Fleets.Error(Fleets.Server() with { AdministratorLoginPassword = password }));
    }

    [Theory]
    [InlineData("alllowercase", "lower case")]
    [InlineData("lowerand123", "lower case, digits")]
    [InlineData("UPPER-DASH", "upper case, non-alphanumeric")]
    public void Administrator_password_has_characters_from_three_of_four_categories_and_the_message_says_which_it_has(string password, string has)
    {
        var error = Fleets.Error(Fleets.Server() with { AdministratorLoginPassword = password });

        Assert.Equal($"servers[0].administratorLoginPassword: must contain characters from at least 3 of: upper case, lower case, digits, non-alphanumeric; it has {has}", error);
        Assert.DoesNotContain(password, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lower-and-UPPER")]
    [InlineData("lower-and-1234")]
    [InlineData("UPPERlower1234")]
    public void Any_three_character_categories_make_a_valid_password(string password) =>
        Assert.Empty(Fleets.Errors(Fleets.Server() with { AdministratorLoginPassword = password }));

    [Fact]
    public void Administrator_password_is_required() =>
        Assert.Equal("servers[0].administratorLoginPassword: is required", Fleets.Error(Fleets.Server() with { AdministratorLoginPassword = null }));

    [Fact]
    public void A_mysql_native_password_hash_may_stand_for_the_administrator_password() =>
        Assert.Empty(Fleets.Errors(Fleets.Server() with { AdministratorLoginPassword = null, AdministratorLoginPasswordHash = "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19" }));

    [Theory]
    [InlineData("2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19")]
    [InlineData("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E1")]
    [InlineData("*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E1G")]
    public void An_administrator_password_hash_is_a_star_and_40_hex_digits(string hash) =>
        Assert.Equal("servers[0].administratorLoginPasswordHash: is not a mysql_native_password hash: '*' followed by 40 hex digits, as in mysql.user",
            Fleets.Error(Fleets.Server() with { AdministratorLoginPassword = null, AdministratorLoginPasswordHash = hash }));

    [Fact]
    public void The_administrator_password_is_given_in_clear_or_as_its_hash_not_both() =>
        Assert.Equal("servers[0].administratorLoginPasswordHash: give the password or its hash, not both",
            Fleets.Error(Fleets.Server() with { AdministratorLoginPasswordHash = "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19" }));

    [Theory]
    [InlineData("enabled")]
    [InlineData("On")]
    public void Ssl_enforcement_is_Enabled_or_Disabled(string value) =>
        Assert.Equal($"servers[0].sslEnforcement: '{value}' is not one of Enabled|Disabled", Fleets.Error(Fleets.Server() with { SslEnforcement = value }));

    [Theory]
    [InlineData("TLS1_3")]
    [InlineData("1.2")]
    public void Minimal_tls_version_is_a_known_version(string value)
    {
        Assert.Equal($"servers[0].minimalTlsVersion: '{value}' is not one of TLSEnforcementDisabled|TLS1_0|TLS1_1|TLS1_2",
            Fleets.Error(Fleets.Server() with { MinimalTlsVersion = value }));
    }

    [Theory]
    [InlineData("TLS1_0")]
    [InlineData("TLS1_2")]
    public void A_minimal_tls_version_requires_ssl_enforcement(string version)
    {
        Assert.Equal($"servers[0].minimalTlsVersion: '{version}' requires sslEnforcement 'Enabled'",
            Fleets.Error(Fleets.Server() with { SslEnforcement = "Disabled", MinimalTlsVersion = version }));
    }

    [Fact]
    public void Ssl_enforcement_may_be_disabled_while_tls_enforcement_is_disabled() =>
        Assert.Empty(Fleets.Errors(Fleets.Server() with { SslEnforcement = "Disabled", MinimalTlsVersion = "TLSEnforcementDisabled" }));

    [Fact]
    public void Public_network_access_is_Enabled_or_Disabled() =>
        Assert.Equal("servers[0].publicNetworkAccess: 'Off' is not one of Enabled|Disabled", Fleets.Error(Fleets.Server() with { PublicNetworkAccess = "Off" }));
}
