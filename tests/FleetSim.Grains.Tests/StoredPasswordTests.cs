using FleetSim.Policy.Decisions;
using System.Text.Json;
using FleetSim.Client;
using FleetSim.Contracts;
using FleetSim.Contracts.Backups;
using FleetSim.Contracts.Fleet;
using FleetSim.Grains.Backups;
using FleetSim.Grains.Fleet;
using FleetSim.Grains.Servers;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;
using FleetSim.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Passwords are kept only as MariaDB keeps them: the directory's state, the servers' state and
/// every backup, decrypted, hold mysql_native_password hashes and no clear password.
/// </summary>
public sealed class StoredPasswordTests : IAsyncLifetime
{
    private const string Office = "203.0.113.7";
    private const string UserPassword = "Rep0rting!2026";
    private const string CreatedPassword = "Adventure!2026";
    private const string StatementPassword = "Insight#2026";

    private readonly string _folder = Directory.CreateTempSubdirectory("fleetsim-passwords-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddFleetSim(TestSilos.Settings(Path.Combine(_folder, "audit.db"), StateFile, Path.Combine(_folder, "service-keys.json"))));
        builder.ConfigureClient(client => client.Services.AddSerializer(s => s.AddFleetSimSerialization()));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    private string StateFile => Path.Combine(_folder, "state.db");

    private static ServerSpec WithUser => Contoso(Rule("office", Office)) with
    {
        Users = [new UserSpec { Name = "reporting", Password = UserPassword, Grants = [new GrantSpec { Privileges = ["SELECT"], Database = "sales" }] }],
    };

    [Fact]
    public async Task The_decrypted_state_and_backups_hold_password_hashes_and_no_clear_password()
    {
        var directory = _cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        var provisioned = await directory.Provision(With(WithUser));
        Assert.True(provisioned.Succeeded, string.Join(Environment.NewLine, provisioned.Errors));
        Assert.True((await directory.Change(new CreateServerCommand(new ServerSpec
        {
            Name = "adventure", Region = Region, AdministratorLogin = "advadmin", AdministratorLoginPassword = CreatedPassword,
        }))).Succeeded);
        var connector = new FleetConnector(_cluster.Client, new DirectoryCache(_cluster.Client));
        var created = await connector.Connect(Login(Office) with { Statements = [$"CREATE USER 'night_analyst'@'%' IDENTIFIED BY '{StatementPassword}'"] }, null, provisioned.Version);
        Assert.Equal(0, created.Statements![0].Code);
        var restored = await directory.Restore(new RestoreServerCommand("contoso-restored", Server, null));
        Assert.True(restored.Provisioned.Succeeded, string.Join(Environment.NewLine, restored.Provisioned.Errors));

        var states = DecryptedStates();

        var fleet = Assert.Single(states.OfType<FleetDirectoryState>()).ReadFleet()!;
        var contoso = fleet.Servers.Single(s => s.Name == Server);
        Assert.Equal((null, PasswordHash.Of(AdminPassword).Text), (contoso.AdministratorLoginPassword, contoso.AdministratorLoginPasswordHash));
        Assert.Equal((null, PasswordHash.Of(UserPassword).Text), (contoso.Users[0].Password, contoso.Users[0].PasswordHash));
        Assert.Equal(PasswordHash.Of(CreatedPassword).Text, fleet.Servers.Single(s => s.Name == "adventure").AdministratorLoginPasswordHash);
        var backups = states.OfType<ServerBackupState>().SelectMany(b => b.Snapshots).ToList();
        Assert.Contains(backups, b => b.Spec.Name == "contoso-restored");
        Assert.Contains(backups, b => b.Access?.Accounts.Any(a => a.User == "night_analyst" && a.Password == PasswordHash.Of(StatementPassword)) == true);
        Assert.NotEmpty(states.OfType<ServerGrainState>());
        var everything = string.Join('\n', states.Select(s => JsonSerializer.Serialize(s, s.GetType())).Append(JsonSerializer.Serialize(fleet)));
        foreach (var password in new[] { AdminPassword, UserPassword, CreatedPassword, StatementPassword })
            Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restored_server_takes_the_administrator_and_users_by_their_hashes()
    {
        var directory = _cluster.Client.GetGrain<IFleetDirectoryGrain>(FleetDirectoryKeys.Default);
        Assert.True((await directory.Provision(With(WithUser))).Succeeded);

        var restored = await directory.Restore(new RestoreServerCommand("contoso-restored", Server, null));
        var opened = await directory.Change(new CreateOrUpdateFirewallRuleCommand("contoso-restored", Rule("office", Office)));

        Assert.True(opened.Succeeded, string.Join(Environment.NewLine, opened.Errors));
        Assert.NotNull(restored.BackupTakenAt);
        var connector = new FleetConnector(_cluster.Client, new DirectoryCache(_cluster.Client));
        const string RestoredHost = "contoso-restored.mariadb.database.azure.com";
        var admin = await connector.Connect(Login(Office, user: Admin + "@contoso-restored", host: RestoredHost), null, opened.Version);
        var user = await connector.Connect(Login(Office, user: "reporting@contoso-restored", password: UserPassword, host: RestoredHost), null, opened.Version);
        var wrong = await connector.Connect(Login(Office, user: "reporting@contoso-restored", password: AdminPassword, host: RestoredHost), null, opened.Version);
        Assert.Equal((ConnectionReason.Allowed, ConnectionReason.Allowed, ConnectionReason.AccessDenied), (admin.Reason, user.Reason, wrong.Reason));
    }

    /// <summary>Every stored record, decrypted by the silo's own serializer into the state type its name says.</summary>
    private List<object> DecryptedStates()
    {
        var serializer = _cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorageSerializer>(FleetSimSiloOptions.StateStorage);
        using var store = new SqliteStateStore(StateFile);
        return [.. store.ReadAll().Select(row => Decrypt(serializer, row))];
    }

    private static object Decrypt(IGrainStorageSerializer serializer, StoredState row)
    {
        var data = new BinaryData(row.Payload);
        object? state = row.StateName switch
        {
            "directory" => serializer.Deserialize<FleetDirectoryState>(data),
            "backups" => serializer.Deserialize<ServerBackupState>(data),
            "server" => serializer.Deserialize<ServerGrainState>(data),
            _ => throw new InvalidOperationException($"a state named '{row.StateName}' that this test does not know: check it holds no password"),
        };
        return state ?? throw new InvalidOperationException($"the state '{row.StateName}' of {row.GrainId} reads as nothing");
    }
}
