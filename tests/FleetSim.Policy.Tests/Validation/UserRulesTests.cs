using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

public sealed class UserRulesTests
{
    private static UserSpec User(string? name, string? password = "app-secret", params GrantSpec[] grants) =>
        new() { Name = name, Password = password, Grants = [.. grants] };

    private static GrantSpec Grant(string? database, params string[] privileges) => new() { Database = database, Privileges = [.. privileges] };

    private static ServerSpec WithUsers(params UserSpec[] users) => Fleets.Server() with { Users = [.. users] };

    [Fact]
    public void A_user_with_grants_on_a_database_and_on_all_databases_is_valid() =>
        Assert.Empty(Fleets.Errors(WithUsers(User("app", "app-secret", Grant("orders", "SELECT", "insert", "Lock Tables"), Grant("*", "ALL PRIVILEGES")))));

    [Fact]
    public void User_name_is_required() => Assert.Equal("servers[0].users[0].name: is required", Fleets.Error(WithUsers(User(null))));

    [Fact]
    public void User_names_are_unique() =>
        Assert.Equal("servers[0].users[1].name: 'app' is already used by servers[0].users[0].name", Fleets.Error(WithUsers(User("app"), User("app"))));

    [Fact]
    public void A_user_is_not_the_administrator() =>
        Assert.Equal("servers[0].users[0].name: 'fleetadmin' is the administratorLogin; a user needs a name of its own", Fleets.Error(WithUsers(User("fleetadmin"))));

    [Theory]
    [InlineData("root")]
    [InlineData("Azure_SuperUser")]
    public void User_name_must_not_be_reserved(string name) =>
        Assert.Equal($"servers[0].users[0].name: '{name}' is reserved; not allowed: azure_superuser, admin, administrator, root, guest, public (in any case)", Fleets.Error(WithUsers(User(name))));

    [Fact]
    public void User_name_must_not_contain_at_sign() =>
        Assert.Equal("servers[0].users[0].name: 'app@contoso' must not contain '@': the gateway reads the server name after it", Fleets.Error(WithUsers(User("app@contoso"))));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void User_password_is_required(string? password) =>
        Assert.Equal("servers[0].users[0].password: is required", Fleets.Error(WithUsers(User("app", password))));

    [Fact]
    public void Grant_lists_at_least_one_privilege() =>
        Assert.Equal("servers[0].users[0].grants[0].privileges: at least one privilege is required", Fleets.Error(WithUsers(User("app", "app-secret", Grant("orders")))));

    [Theory]
    [InlineData("SUPER")]
    [InlineData("FILE")]
    [InlineData("CREATE  VIEW")]
    public void Grant_privileges_are_the_ordinary_ones_never_SUPER(string privilege)
    {
        Assert.Equal(
            $"servers[0].users[0].grants[0].privileges[1]: '{privilege}' is not a privilege that can be granted; allowed: SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW, TRIGGER, EXECUTE, EVENT, LOCK TABLES, CREATE TEMPORARY TABLES, ALL, ALL PRIVILEGES",
            Fleets.Error(WithUsers(User("app", "app-secret", Grant("orders", "SELECT", privilege)))));
    }

    [Fact]
    public void Grant_database_is_required() =>
        Assert.Equal("servers[0].users[0].grants[0].database: is required", Fleets.Error(WithUsers(User("app", "app-secret", Grant(null, "SELECT")))));

    [Theory]
    [InlineData("orders.*")]
    [InlineData("*.*")]
    [InlineData("a/b")]
    public void Grant_database_is_a_name_or_a_star(string database)
    {
        Assert.Equal(
            $"servers[0].users[0].grants[0].database: '{database}' is not a database name; use a name of at most 64 characters without '.', '/', '\\' or '*', or '*' for all databases",
            Fleets.Error(WithUsers(User("app", "app-secret", Grant(database, "SELECT")))));
    }
}
