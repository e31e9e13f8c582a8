using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// Passwords in a server's specification as they may be kept: a spec gives each password in clear
/// or as its hash, and what is kept (the fleet directory's state, backups) holds the hash only.
/// </summary>
public static class StoredPasswords
{
    /// <summary>The spec with every clear password replaced by its hash; a spec that holds none is returned as it is.</summary>
    public static ServerSpec Hashed(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.AdministratorLoginPassword is null && server.Users.All(u => u.Password is null))
            return server;
        return server with
        {
            AdministratorLoginPassword = null,
            AdministratorLoginPasswordHash = server.AdministratorLoginPassword is { } password
                ? PasswordHash.Of(password).Text
                : server.AdministratorLoginPasswordHash,
            Users = [.. server.Users.Select(Hashed)],
        };
    }

    /// <summary>Every server of the fleet with its passwords hashed.</summary>
    public static FleetSpec Hashed(FleetSpec fleet)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return fleet with { Servers = [.. fleet.Servers.Select(Hashed)] };
    }

    public static UserSpec Hashed(UserSpec user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Password is { } password ? user with { Password = null, PasswordHash = PasswordHash.Of(password).Text } : user;
    }

    /// <summary>The spec without passwords or their hashes, for showing it.</summary>
    public static ServerSpec Without(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return server with
        {
            AdministratorLoginPassword = null,
            AdministratorLoginPasswordHash = null,
            Users = [.. server.Users.Select(u => u with { Password = null, PasswordHash = null })],
        };
    }

    /// <summary>The administrator's hash, from its clear password or its given hash (a validated spec has one).</summary>
    /// <exception cref="ArgumentException">The spec gives neither.</exception>
    public static PasswordHash AdministratorHash(ServerSpec server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return HashOf(server.AdministratorLoginPassword, server.AdministratorLoginPasswordHash)
            ?? throw new ArgumentException($"server '{server.Name}' has no administratorLoginPassword or administratorLoginPasswordHash", nameof(server));
    }

    /// <summary>A user's hash, from its clear password or its given hash (a validated spec has one).</summary>
    /// <exception cref="ArgumentException">The spec gives neither.</exception>
    public static PasswordHash UserHash(UserSpec user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return HashOf(user.Password, user.PasswordHash)
            ?? throw new ArgumentException($"user '{user.Name}' has no password or passwordHash", nameof(user));
    }

    private static PasswordHash? HashOf(string? password, string? hash) =>
        password is not null ? PasswordHash.Of(password) : PasswordHash.TryParse(hash, out var parsed) ? parsed : null;
}
