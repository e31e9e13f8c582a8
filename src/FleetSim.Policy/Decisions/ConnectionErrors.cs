namespace FleetSim.Policy.Decisions;

/// <summary>
/// The errors a client sees, with the real service's codes and texts. Where the public documentation
/// gives none (stopped, inaccessible, private endpoint not approved), FleetSim's choice is marked.
/// </summary>
public static class ConnectionErrors
{
    public static Verdict HostNotFound(string host) =>
        new(ConnectionReason.HostNotFound, 2005, $"Unknown MySQL server host '{host}' (-2)");

    public static Verdict GatewayUnreachable(string ip) =>
        new(ConnectionReason.GatewayUnreachable, 2003, $"Can't connect to MySQL server on '{ip}' (110)");

    public static Verdict ServerNotFound(string name) =>
        new(ConnectionReason.ServerNotFound, 9002,
            $"The server name you tried cannot be found: {name}. Please check the Username and retry connection. The Username should be in <username@hostname> format.");

    /// <summary>[FleetSim rule] A stopped server is reached through the gateway and refuses the login.</summary>
    public static Verdict ServerStopped(string name) =>
        new(ConnectionReason.ServerStopped, 9002, $"The server '{name}' is stopped. Start the server and retry connection.");

    /// <summary>[FleetSim rule] The server's data-encryption key cannot be reached.</summary>
    public static Verdict ServerInaccessible(string name) =>
        new(ConnectionReason.ServerInaccessible, 9002,
            $"The server '{name}' is inaccessible: its customer-managed key cannot be reached. Restore access to the key and revalidate the server.");

    public static readonly Verdict SslRequired =
        new(ConnectionReason.SslRequired, 9002, "SSL connection is required. Please specify SSL options and retry.");

    public static readonly Verdict TlsVersionTooLow =
        new(ConnectionReason.TlsVersionTooLow, 47072, "Login failed with invalid TLS version");

    /// <summary>[FleetSim rule] Same code as a disabled public endpoint: the private path is closed too.</summary>
    public static Verdict PrivateEndpointNotApproved(string name, string status) =>
        new(ConnectionReason.PrivateEndpointNotApproved, 47073,
            $"Connection through private endpoint '{name}' was denied: its private endpoint connection is {status}, not Approved.");

    /// <summary>[FleetSim rule] A private endpoint of another server, or one never connected to this one.</summary>
    public static Verdict PrivateEndpointNotConnected(string name, string server) =>
        new(ConnectionReason.PrivateEndpointNotApproved, 47073,
            $"Connection through private endpoint '{name}' was denied: it has no private endpoint connection to server '{server}'.");

    public static readonly Verdict PublicNetworkAccessDisabled =
        new(ConnectionReason.PublicNetworkAccessDisabled, 47073,
            "Connection was denied since Deny Public Network Access is set to Yes. To connect to this server, use the Private Endpoint from inside your virtual network.");

    public static readonly Verdict VnetDenied =
        new(ConnectionReason.VnetDenied, 40914, "Client from Azure Virtual Networks is not allowed to access the server.");

    public static Verdict FirewallDenied(string ip) =>
        new(ConnectionReason.FirewallDenied, 9000, $"Client with IP address '{ip}' is not allowed to connect to this MariaDB server.");

    public static Verdict AccessDenied(string user, string ip, bool usingPassword) =>
        new(ConnectionReason.AccessDenied, 1045,
            $"Access denied for user '{user}'@'{ip}' (using password: {(usingPassword ? "YES" : "NO")})");

    /// <summary>
    /// A login naming a default database it holds no privilege on, as USE would be refused. Names
    /// the account's host ('%'), not the client's address: MariaDB reports the matched account here.
    /// </summary>
    public static Verdict DatabaseAccessDenied(string user, string accountHost, string database) =>
        new(ConnectionReason.AccessDenied, 1044, $"Access denied for user '{user}'@'{accountHost}' to database '{database}'");

    public static readonly Verdict TooManyConnections =
        new(ConnectionReason.TooManyConnections, 1040, "Too many connections");

    /// <summary>A client that waited the model's timeoutMs gives up, as MariaDB clients report a read timeout.</summary>
    public static readonly Verdict ClientTimeout =
        new(ConnectionReason.ClientTimeout, 2013, "Lost connection to server during query");
}
