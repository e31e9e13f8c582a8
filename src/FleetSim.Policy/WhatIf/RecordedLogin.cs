using FleetSim.Policy.Admission;
using FleetSim.Policy.Sessions;

namespace FleetSim.Policy.WhatIf;

/// <summary>Authentication as a recording saw it: the password is not known, only whether it was right.</summary>
internal readonly record struct RecordedLogin(bool Authenticated)
{
    public IAccountDirectory Over(AccessControl accounts) => new Directory(accounts, Authenticated);

    private sealed class Directory(AccessControl accounts, bool authenticated) : IAccountDirectory
    {
        public bool Authenticate(string login, string? password, ScrambleProof? proof = null) => authenticated && accounts.Exists(login);

        public bool MayUseDatabase(string login, string database, out string accountHost) => accounts.MayUseDatabase(login, database, out accountHost);
    }
}
