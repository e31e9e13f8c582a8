namespace FleetSim.Policy.Tests.Validation;

/// <summary>Server parameters (configurations).</summary>
public sealed class ConfigurationRulesTests
{
    private static string Error(string name, string value) => Fleets.Error(Fleets.Server().WithConfiguration(name, value));

    [Theory]
    [InlineData("audit_log_enabled", "ON")]
    [InlineData("audit_log_enabled", "OFF")]
    [InlineData("redirect_enabled", "ON")]
    [InlineData("audit_log_events", "CONNECTION,DML_SELECT, DDL")]
    [InlineData("audit_log_events", "GENERAL")]
    [InlineData("audit_log_include_users", "a,b,c,d,e,f")]
    [InlineData("audit_log_exclude_users", "a,b,c,d")]
    [InlineData("max_connections", "10")]
    [InlineData("max_connections", "300")]
    public void Known_parameters_with_values_MariaDB_accepts_are_valid(string name, string value) =>
        Assert.Empty(Fleets.Errors(Fleets.Server().WithConfiguration(name, value)));

    [Fact]
    public void Only_parameters_FleetSim_models_are_accepted_and_the_message_lists_them() =>
        Assert.Equal(
            "servers[0].configurations.innodb_buffer_pool_size: 'innodb_buffer_pool_size' is not a server parameter FleetSim models; known: audit_log_enabled, audit_log_events, audit_log_include_users, audit_log_exclude_users, redirect_enabled, max_connections",
            Error("innodb_buffer_pool_size", "1"));

    [Fact]
    public void A_misspelt_parameter_gets_a_suggestion() =>
        Assert.Contains("did you mean 'max_connections'?", Error("max_conections", "100"), StringComparison.Ordinal);

    [Theory]
    [InlineData("audit_log_enabled", "on")]
    [InlineData("audit_log_enabled", "true")]
    [InlineData("redirect_enabled", "Enabled")]
    public void Switch_parameters_are_ON_or_OFF(string name, string value) =>
        Assert.Equal($"servers[0].configurations.{name}: '{value}' is not one of ON|OFF", Error(name, value));

    [Fact]
    public void Audit_log_events_are_a_comma_list_of_known_events() =>
        Assert.Equal(
            "servers[0].configurations.audit_log_events: 'SELECT' is not an audit event; allowed: CONNECTION, DML_SELECT, DML_NONSELECT, DML, DDL, DCL, ADMIN, GENERAL",
            Error("audit_log_events", "CONNECTION,SELECT"));

    [Fact]
    public void Audit_log_exclude_users_lists_at_most_four_users() =>
        Assert.Equal("servers[0].configurations.audit_log_exclude_users: lists 5 users; MariaDB allows at most 4", Error("audit_log_exclude_users", "a,b,c,d,e"));

    [Theory]
    [InlineData("GP_Gen5_2", "301", 300)]
    [InlineData("B_Gen5_1", "51", 50)]
    [InlineData("MO_Gen5_32", "10001", 10000)]
    [InlineData("GP_Gen5_2", "9", 300)]
    [InlineData("GP_Gen5_2", "lots", 300)]
    [InlineData("GP_Gen5_2", "-5", 300)]
    [InlineData("GP_Gen5_2", " 100", 300)]
    public void Max_connections_is_an_integer_from_10_to_the_SKUs_limit(string sku, string value, int limit)
    {
        var error = Fleets.Error(Fleets.Server().WithConfiguration("max_connections", value) with { Sku = sku });

        Assert.Equal($"servers[0].configurations.max_connections: '{value}' is not an integer from 10 to {limit} (the limit of {sku})", error);
    }

    [Fact]
    public void A_parameter_value_must_not_be_null() =>
        Assert.Equal("servers[0].configurations.audit_log_enabled: must not be null", Error("audit_log_enabled", null!));
}
