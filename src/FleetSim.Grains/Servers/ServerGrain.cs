using FleetSim.Contracts.Connections;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Grains.Servers;

/// <summary>
/// One simulated MariaDB server: its compiled policy, its accounts (hashes only) and its open
/// sessions. Connect is a short synchronous turn, so one server sustains a high connection rate.
/// </summary>
public sealed class ServerGrain : Grain, IServerGrain
{
    private ServerPolicy? _policy;
    private readonly AccountDirectory _accounts = new();
    private readonly Dictionary<long, Session> _sessions = [];
    private long _lastConnectionId;

    private string Name => this.GetPrimaryKeyString();

    public Task Provision(ServerSpec spec)
    {
        var policy = ServerPolicy.Compile(spec);
        var logins = new HashSet<string>(StringComparer.Ordinal) { spec.AdministratorLogin! };
        SetPassword(spec.AdministratorLogin!, spec.AdministratorLoginPassword!);
        foreach (var user in spec.Users)
        {
            logins.Add(user.Name!);
            SetPassword(user.Name!, user.Password!);
        }
        foreach (var stale in _accounts.Logins.Where(l => !logins.Contains(l)).ToList())
            _accounts.Remove(stale);
        _policy = policy;
        return Task.CompletedTask;
    }

    public Task Deprovision()
    {
        _policy = null;
        _sessions.Clear();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<ConnectResult> Connect(RoutedConnection connection)
    {
        var trace = connection.Explain ? new DecisionTrace() : null;
        if (_policy is null)
        {
            trace?.Add("server-state", false, $"no server '{Name}' is provisioned");
            return Task.FromResult(Results.From(ConnectionErrors.ServerNotFound(Name), Name, connection.Gateway, trace));
        }

        if (!TlsVersions.TryParseOffered(connection.Tls, out var tls))
            throw new ArgumentException($"tls: '{connection.Tls}' is not one of none, 1.0, 1.1, 1.2, 1.3", nameof(connection));
        var source = new PresentedSource((PresentedKind)connection.SourceKind, new Ipv4(connection.SourceAddress),
            connection.SubnetId, connection.PrivateEndpoint);
        var request = new AdmissionRequest(connection.Login, connection.Password, tls, source);
        var verdict = ServerAdmission.Admit(_policy, request, _accounts, _sessions.Count, trace);

        long connectionId = 0;
        if (verdict.Allowed)
        {
            // Connection ids count every accepted connection, as MariaDB's do, held or not.
            connectionId = ++_lastConnectionId;
            if (connection.Hold)
                _sessions[connectionId] = new Session(connectionId, connection.Login, source.ClientAddress, connection.Database);
        }
        return Task.FromResult(Results.From(verdict, Name, connection.Gateway, trace, connectionId));
    }

    public Task Disconnect(long connectionId)
    {
        _sessions.Remove(connectionId);
        return Task.CompletedTask;
    }

    public Task<ServerStatus> GetStatus() => Task.FromResult(new ServerStatus(
        Name, _policy is not null, _policy?.State.ToString() ?? "NotFound", _sessions.Count, _policy?.MaxConnections ?? 0));

    private void SetPassword(string login, string password)
    {
        // Re-provisioning an unchanged fleet must not pay for hashing every password again.
        if (_accounts.Contains(login) && _accounts.Authenticate(login, password))
            return;
        _accounts.Set(login, PasswordHash.Create(password));
    }
}
