using FleetSim.Policy.Admission;

namespace FleetSim.Policy.Sessions;

/// <summary>A server's accounts as plain data, for persistence: hashes only, never passwords.</summary>
public sealed record AccessControlState(string AdministratorLogin, IReadOnlyList<AccountState> Accounts);

/// <summary>One account; Password (its mysql_native_password hash) is null for an account without one.</summary>
public sealed record AccountState(string User, string Host, PasswordHash? Password, IReadOnlyList<GrantState> Grants);

/// <summary>
/// The privileges held at one level, by their SQL names: Database "*" for *.*, Table "*" for db.*.
/// </summary>
public sealed record GrantState(string Database, string Table, IReadOnlyList<string> Privileges);
