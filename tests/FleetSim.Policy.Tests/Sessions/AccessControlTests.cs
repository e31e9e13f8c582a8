using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Tests.Admission;

namespace FleetSim.Policy.Tests.Sessions;

/// <summary>Accounts and grants: built from the server spec, changed by DCL, seen by the next login at once.</summary>
public sealed class AccessControlTests
{
    private static Session Admin(AccessControl access) => Directories.AdminSession(access);

    [Fact]
    public void It_is_built_from_the_administrator_and_the_users_of_the_server_spec_with_their_grants()
    {
        var spec = Servers.Contoso with
        {
            Users =
            [
                new UserSpec { Name = "reporting", Password = "R3port!ngOnly", Grants = [new GrantSpec { Privileges = ["SELECT", "SHOW VIEW"], Database = "sales" }] },
                new UserSpec { Name = "ops", Password = "0ps!Password", Grants = [new GrantSpec { Privileges = ["ALL PRIVILEGES"], Database = "*" }] },
            ],
        };

        var access = AccessControl.FromSpec(spec);

        Assert.True(access.Authenticate(Servers.AdminLogin, Servers.AdminPassword));
        Assert.True(access.Authenticate("reporting", "R3port!ngOnly"));
        Assert.Equal(Privileges.Select | Privileges.ShowView, access.PrivilegesOn("reporting", "sales"));
        Assert.Equal(Privileges.None, access.PrivilegesOn("reporting", "hr"));
        Assert.Equal(Privileges.All, access.GlobalPrivileges("ops"));
        Assert.Equal(AccessControl.AdministratorPrivileges, access.GlobalPrivileges(Servers.AdminLogin));
    }

    [Fact]
    public void CREATE_USER_of_an_existing_user_is_1396()
    {
        var access = Directories.With("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'");

        Assert.Equal(new SqlError(1396, "HY000", "Operation CREATE USER failed for 'app'@'%'"),
            Admin(access).Execute("CREATE USER 'app'@'%' IDENTIFIED BY 'Other!pw1'").Error);
        Assert.Null(Admin(access).Execute("CREATE USER IF NOT EXISTS 'app'@'%'").Error);
    }

    [Fact]
    public void DROP_USER_of_a_missing_user_is_1396_naming_every_missing_account()
    {
        var access = Directories.With("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'");

        var error = Admin(access).Execute("DROP USER 'ghost'@'%', 'app'@'%', 'phantom'@'%'").Error;

        Assert.Equal("Operation DROP USER failed for 'ghost'@'%','phantom'@'%'", error?.Message);
        Assert.False(access.Exists("app"));
        Assert.Null(Admin(access).Execute("DROP USER IF EXISTS 'ghost'@'%'").Error);
    }

    [Fact]
    public void The_administrator_login_cannot_be_dropped()
    {
        var access = Directories.AdminOnly();

        Assert.Equal(1396, Admin(access).Execute($"DROP USER '{Servers.AdminLogin}'@'%'").Error?.Code);
        Assert.True(access.Authenticate(Servers.AdminLogin, Servers.AdminPassword));
    }

    [Fact]
    public void New_logins_see_account_changes_at_once()
    {
        var access = Directories.AdminOnly();
        var admin = Admin(access);
        Assert.False(access.Authenticate("app", "S3cret!pw"));

        admin.Execute("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'");
        Assert.True(access.Authenticate("app", "S3cret!pw"));

        admin.Execute("SET PASSWORD FOR 'app'@'%' = PASSWORD('N3w!secret')");
        Assert.False(access.Authenticate("app", "S3cret!pw"));
        Assert.True(access.Authenticate("app", "N3w!secret"));

        admin.Execute("DROP USER 'app'@'%'");
        Assert.False(access.Authenticate("app", "N3w!secret"));
    }

    [Fact]
    public void Grants_and_revokes_apply_to_the_next_statement()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'");
        var app = Directories.SessionOf(access, "app");
        Assert.Equal(1142, app.Execute("SELECT * FROM shop.orders").Error?.Code);

        Admin(access).Execute("GRANT SELECT, INSERT ON shop.* TO app");
        Assert.True(app.Execute("SELECT * FROM shop.orders").Succeeded);

        Admin(access).Execute("REVOKE SELECT ON shop.* FROM app");
        Assert.Equal(1142, app.Execute("SELECT * FROM shop.orders").Error?.Code);
        Assert.Equal(Privileges.Insert, access.PrivilegesOn("app", "shop"));
    }

    [Fact]
    public void GRANT_to_a_missing_user_is_1133_unless_it_gives_a_password()
    {
        var admin = Admin(Directories.AdminOnly());

        Assert.Equal(new SqlError(1133, "28000", "Can't find any matching row in the user table"), admin.Execute("GRANT SELECT ON shop.* TO ghost").Error);
        Assert.True(admin.Execute("GRANT SELECT ON shop.* TO ghost IDENTIFIED BY 'Gh0st!pw'").Succeeded);
    }

    [Fact]
    public void REVOKE_of_a_grant_that_does_not_exist_is_1141()
    {
        var admin = Admin(Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'"));

        Assert.Equal(new SqlError(1141, "42000", "There is no such grant defined for user 'app' on host '%'"),
            admin.Execute("REVOKE SELECT ON shop.* FROM app").Error);
    }

    [Fact]
    public void REVOKE_ALL_PRIVILEGES_GRANT_OPTION_clears_every_level()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON *.* TO app",
            "GRANT ALL ON shop.* TO app WITH GRANT OPTION", "GRANT INSERT ON crm.contacts TO app");

        Admin(access).Execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM app");

        Assert.Equal(Privileges.None, access.PrivilegesOn("app", "crm", "contacts"));
        Assert.Equal(Privileges.None, access.PrivilegesOn("app", "shop"));
    }

    [Fact]
    public void A_failed_login_is_still_1045_with_access_control_as_the_account_directory()
    {
        var server = Servers.Contoso with { FirewallRules = [Servers.AllowWholeInternet] };
        var access = Directories.AdminOnly();

        var verdict = ServerAdmission.Admit(ServerPolicy.Compile(server),
            new AdmissionRequest(Servers.AdminLogin, "guess", TlsVersion.Tls1_2, Clients.Internet()), access, 0, null);

        Assert.Equal(new Verdict(ConnectionReason.AccessDenied, 1045, $"Access denied for user '{Servers.AdminLogin}'@'{Clients.InternetIp}' (using password: YES)"), verdict);
    }

    [Fact]
    public void Export_and_import_keep_accounts_hashes_and_grants()
    {
        var access = Directories.With("CREATE USER app IDENTIFIED BY 'S3cret!pw'", "GRANT SELECT ON shop.* TO app",
            "GRANT INSERT ON crm.contacts TO app WITH GRANT OPTION", "GRANT EVENT ON *.* TO app");

        var state = access.Export();
        var restored = AccessControl.Import(state);

        Assert.Equivalent(state, restored.Export(), strict: true);
        Assert.True(restored.Authenticate("app", "S3cret!pw"));
        Assert.Equal(Privileges.Select | Privileges.Event, restored.PrivilegesOn("app", "shop"));
        Assert.Equal(Privileges.Insert | Privileges.GrantOption | Privileges.Event, restored.PrivilegesOn("app", "crm", "contacts"));
        Assert.Equal(new GrantState("crm", "contacts", ["INSERT", "GRANT OPTION"]), state.Accounts.Single(a => a.User == "app").Grants[2], GrantComparer);
    }

    [Fact]
    public void Re_provisioning_gives_unchanged_passwords_the_same_hashes()
    {
        var spec = Servers.Contoso with { Users = [new UserSpec { Name = "app", Password = "S3cret!pw" }] };

        var first = AccessControl.FromSpec(spec).Export();
        var second = AccessControl.FromSpec(spec).Export();

        Assert.Equal(first.Accounts.Select(a => a.Password), second.Accounts.Select(a => a.Password));
    }

    [Fact]
    public void A_spec_that_gives_hashes_instead_of_passwords_authenticates_the_same_logins()
    {
        var spec = Servers.Contoso with { Users = [new UserSpec { Name = "app", Password = "S3cret!pw" }] };

        var access = AccessControl.FromSpec(StoredPasswords.Hashed(spec));

        Assert.True(access.Authenticate(Servers.AdminLogin, Servers.AdminPassword));
        Assert.True(access.Authenticate("app", "S3cret!pw"));
        Assert.False(access.Authenticate("app", "s3cret!pw"));
    }

    [Fact]
    public void Exported_accounts_hold_mysql_native_password_hashes_and_no_password()
    {
        var access = Directories.With("CREATE USER 'app'@'%' IDENTIFIED BY 'S3cret!pw'");

        var json = System.Text.Json.JsonSerializer.Serialize(access.Export());

        Assert.Contains($"\"{PasswordHash.Of("S3cret!pw").Text}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret!pw", json, StringComparison.Ordinal);
        Assert.Equivalent(access.Export(), System.Text.Json.JsonSerializer.Deserialize<AccessControlState>(json), strict: true);
    }

    private static readonly IEqualityComparer<GrantState> GrantComparer = EqualityComparer<GrantState>.Create(
        (a, b) => a!.Database == b!.Database && a.Table == b.Table && a.Privileges.SequenceEqual(b.Privileges));
}
