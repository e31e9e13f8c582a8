using System.Net.Security;
using System.Security.Authentication;
using System.Text;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Protocol;
using Microsoft.Extensions.Logging;

namespace FleetSim.Wire.Sessions;

/// <summary>
/// One real client on a listener: the handshake, the switch to TLS, the login (checked by the
/// server grain against its stored hash, never here), then its commands. Every decision is the
/// gateway's and the server's, through the same grains as a simulated connection; this class only
/// speaks the protocol. Whatever the client does, its session is closed on the server when the
/// connection ends.
/// </summary>
internal sealed class WireConnection(WireEndpoint endpoint, WireOptions options, IFleetDoor door, SessionEndings endings, ISessionObserver observer, AuditedCount audited, uint handshakeId, ILogger logger) : IDisposable
{
    private const byte ComQuit = 0x01, ComInitDb = 0x02, ComQuery = 0x03, ComPing = 0x0E, ComResetConnection = 0x1F;

    private readonly CancellationTokenSource _endedByServer = new();
    private Capabilities _client;
    private string? _server;
    private long _connectionId;
    // With a fleet model: when the latest answer reached the client in simulated time, and the statements sent so far.
    private double? _answeredAtMs;
    private int _statements;
    private string _modelKey = "";

    public async Task RunAsync(Stream stream, CancellationToken cancellationToken)
    {
        var channel = new PacketChannel(stream, options.MaxAllowedPacket);
        var loggedIn = false;
        try
        {
            using (var login = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                login.CancelAfter(options.ConnectTimeout);
                loggedIn = await LogIn(channel, login.Token);
            }
            if (loggedIn)
            {
                using var serving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _endedByServer.Token);
                await Serve(channel, serving.Token);
            }
        }
        catch (ProtocolException e)
        {
            WireLog.ProtocolError(logger, endpoint.Endpoint, e.Message);
            await TryWrite(channel, Packets.Error(e.Code, e.Message, withState: channel.Sequence > 1));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or AuthenticationException or ObjectDisposedException)
        {
            // A client that went silent past connect_timeout, vanished or failed its TLS handshake:
            // nothing more can be said to it.
        }
        finally
        {
            await Close();
        }
    }

    public void Dispose() => _endedByServer.Dispose();

    private async Task<bool> LogIn(PacketChannel channel, CancellationToken cancellationToken)
    {
        var scramble = Scrambles.New();
        var offered = Capabilities.Offered | (options.Certificate is null ? Capabilities.None : Capabilities.Ssl);
        await channel.WriteAsync(Packets.Handshake(handshakeId, scramble, offered), cancellationToken);
        await channel.FlushAsync(cancellationToken);

        var packet = await channel.ReadAsync(cancellationToken);
        if (packet is null)
            return false;
        var (tls, cipher, serverName) = (TlsVersion.None, (string?)null, (string?)null);
        if (HandshakeResponse.IsSslRequest(packet))
        {
            if (options.Certificate is null)
                throw new ProtocolException("the client asked for TLS, which this listener does not offer");
            (tls, cipher, serverName) = await StartTls(channel, cancellationToken);
            packet = await channel.ReadAsync(cancellationToken);
            if (packet is null)
                return false;
        }
        var response = HandshakeResponse.Parse(packet);
        _client = response.Capabilities & offered;

        var auth = response.AuthResponse;
        if (_client.HasFlag(Capabilities.PluginAuth) && response.Plugin is { Length: > 0 } plugin && plugin != Packets.NativePassword)
        {
            // As the Azure gateway does: a client that started with another plugin answers a fresh scramble natively.
            scramble = Scrambles.New();
            await channel.WriteAsync(Packets.AuthSwitch(scramble), cancellationToken);
            await channel.FlushAsync(cancellationToken);
            auth = await channel.ReadAsync(cancellationToken) ?? [];
        }

        var request = new ConnectRequest(HostOf(serverName), response.User, null, tls, endpoint.Source,
            App: response.Application, Database: response.Database, Hold: true,
            Proof: new ScrambleProof(scramble, auth), TlsCipher: cipher, Observer: observer);
        var sent = DateTimeOffset.UtcNow;
        var result = await door.Connect(request);
        audited.Add(result.Audited);
        // With a fleet model, the gateway (or the direct endpoint, as a redirected reconnect) modelled this login too, arriving at the silo's clock.
        if (result.Modelled is { } modelled)
            WireLog.Modelled(logger, endpoint.Endpoint, response.User, result.Reason, modelled.TotalMs);
        options.Decided?.Invoke(result, sent);
        if (result.Modelled is { } login && result.Allowed)
            (_answeredAtMs, _modelKey) = (Policy.Model.SimulatedTime.Ms(sent) + login.TotalMs, $"{response.User}|{endpoint.Endpoint}|{handshakeId}|{sent.UtcTicks}");
        if (!result.Allowed)
        {
            WireLog.Refused(logger, endpoint.Endpoint, response.User, result.Code);
            await channel.WriteAsync(Packets.Error(result.Code, result.Message), cancellationToken);
            await channel.FlushAsync(cancellationToken);
            return false;
        }
        (_server, _connectionId) = (result.Server, result.ConnectionId);
        endings.Watch(_server!, _connectionId, _endedByServer);
        await channel.WriteAsync(Redirect(result, response.User) ?? Packets.Ok(_client), cancellationToken);
        await channel.FlushAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Where the redirect policy sends the client: the Azure form in the OK packet's info, and
    /// MariaDB 11.3's session-tracked redirect_url, which MySqlConnector follows.
    /// </summary>
    private ReadOnlyMemory<byte>? Redirect(ConnectResult result, string user)
    {
        if (!result.Redirect || endpoint.Direct is not { } direct)
            return null;
        var target = $"mysql://{direct.Address}:{direct.Port}";
        return Packets.Ok(_client, $"Location: {target}/user={user}", ("redirect_url", target));
    }

    private async Task<(TlsVersion, string?, string?)> StartTls(PacketChannel channel, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(channel.Stream, leaveInnerStreamOpen: false);
        channel.Stream = ssl;
        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificateContext = options.CertificateContext,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        }, cancellationToken);
        var version = ssl.SslProtocol == SslProtocols.Tls13 ? TlsVersion.Tls1_3 : TlsVersion.Tls1_2;
        return (version, ssl.NegotiatedCipherSuite.ToString(), ssl.TargetHostName);
    }

    /// <summary>
    /// The name the client dialled: its TLS server name when it sent a real one (a client dialling
    /// 127.0.0.1 or localhost names no server), else the listener's configured host.
    /// </summary>
    private string? HostOf(string? serverName) =>
        string.IsNullOrEmpty(serverName) || serverName == "localhost" || System.Net.IPAddress.TryParse(serverName, out _)
            ? endpoint.Host
            : serverName;

    private async Task Serve(PacketChannel channel, CancellationToken cancellationToken)
    {
        while (true)
        {
            channel.ResetSequence();
            var packet = await channel.ReadAsync(cancellationToken);
            if (packet is null || packet.Length == 0 || packet[0] == ComQuit)
                return;
            var keepGoing = packet[0] switch
            {
                ComQuery => await Run(channel, Encoding.UTF8.GetString(packet.AsSpan(1)), cancellationToken),
                ComInitDb => await Run(channel, $"USE `{Encoding.UTF8.GetString(packet.AsSpan(1)).Replace("`", "``", StringComparison.Ordinal)}`", cancellationToken),
                ComPing or ComResetConnection => await Send(channel, [Packets.Ok(_client)], cancellationToken),
                _ => await Send(channel, [Packets.Error(1047, "Unknown command")], cancellationToken),
            };
            if (!keepGoing)
                return;
        }
    }

    /// <summary>Runs a statement in the session on its server; a session the server ended closes the connection.</summary>
    private async Task<bool> Run(PacketChannel channel, string sql, CancellationToken cancellationToken)
    {
        var statement = ModelledStatement();
        var result = await door.Execute(_server!, _connectionId, sql, statement);
        if (statement is not null && result.Modelled is { } modelled)
        {
            _answeredAtMs = statement.ArrivalMs + modelled.TotalMs;
            options.StatementDecided?.Invoke(endpoint.Gateway, _server!, door.Redirected, modelled, Policy.Model.SimulatedTime.At(statement.ArrivalMs));
        }
        audited.Add(result.Audited);
        if (result.Code != 0)
        {
            await Send(channel, [Packets.Error(result.Code, result.Message, result.SqlState)], cancellationToken);
            return result.Code != Policy.Sessions.SqlErrors.ConnectionKilled.Code;
        }
        return await Send(channel, result.Rows is { } rows ? Packets.ResultSet(rows, _client) : [Packets.Ok(_client)], cancellationToken);
    }

    /// <summary>
    /// A statement as the model sees it: sent now, but never before the model answered the one
    /// before it (or the login), since the client waited for that answer.
    /// </summary>
    private Contracts.Modelling.StatementArrival? ModelledStatement()
    {
        if (_answeredAtMs is not { } answered)
            return null;
        var now = Policy.Model.SimulatedTime.Ms(DateTimeOffset.UtcNow);
        var source = endpoint.Source;
        return new Contracts.Modelling.StatementArrival(_modelKey, _statements++, Math.Max(now, answered),
            Policy.Model.SourceKinds.Of(source.Azure, source.Subnet, source.PrivateEndpoint), Redirected: door.Redirected, DirectoryVersion: 0);
    }

    private static async Task<bool> Send(PacketChannel channel, IEnumerable<ReadOnlyMemory<byte>> packets, CancellationToken cancellationToken)
    {
        foreach (var packet in packets)
            await channel.WriteAsync(packet, cancellationToken);
        await channel.FlushAsync(cancellationToken);
        return true;
    }

    private static async Task TryWrite(PacketChannel channel, ReadOnlyMemory<byte> packet)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await channel.WriteAsync(packet, timeout.Token);
            await channel.FlushAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is already gone.
        }
    }

    /// <summary>The session ends on its server whichever way the connection ended, so none is leaked.</summary>
    private async Task Close()
    {
        if (_server is null)
            return;
        var (server, id) = (_server, _connectionId);
        _server = null;
        endings.Forget(server, id);
        try
        {
            audited.Add(await door.Disconnect(server, id));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            WireLog.DisconnectFailed(logger, server, id, e);
        }
    }
}
