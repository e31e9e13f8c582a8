using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Net.Sockets;
using System.Text;
using FleetSim.Policy.Admission;

namespace FleetSim.Wire.Tests;

/// <summary>
/// A client that writes the protocol by hand, so tests can send what no driver would: garbage,
/// truncated packets, or nothing at all, and vanish without saying goodbye.
/// </summary>
internal sealed class RawClient : IAsyncDisposable
{
    private const uint Protocol41 = 0x0000_0200, Ssl = 0x0000_0800, SecureConnection = 0x0000_8000, PluginAuth = 0x0008_0000;

    private readonly TcpClient _tcp = new() { NoDelay = true };
    private Stream _stream = null!;

    /// <summary>The 20-byte scramble of the server's greeting.</summary>
    public byte[] Scramble { get; private set; } = [];

    public static async Task<RawClient> Connect(IPEndPoint endpoint)
    {
        var client = new RawClient();
        await client._tcp.ConnectAsync(endpoint, TestContext.Current.CancellationToken);
        client._stream = client._tcp.GetStream();
        var greeting = await client.Read() ?? throw new InvalidOperationException("no greeting");
        var version = Array.IndexOf(greeting, (byte)0, 1);
        var first = greeting.AsSpan(version + 1 + 4, 8);
        var second = greeting.AsSpan(version + 1 + 4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10, 12);
        client.Scramble = [.. first, .. second];
        return client;
    }

    /// <summary>
    /// Asks for TLS (the SSL request, sequence 1) and runs the handshake naming <paramref name="serverName"/>
    /// (SNI); the login that follows is sequence 2.
    /// </summary>
    public async Task StartTls(string serverName, X509Certificate2 ca)
    {
        await Send(Header(Protocol41 | SecureConnection | PluginAuth | Ssl), 1);
        // The listener's certificate must chain to the CA FleetSim made (as --ssl-ca would check it).
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return certificate is X509Certificate2 server && chain.Build(server);
        });
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName }, TestContext.Current.CancellationToken);
        _stream = tls;
    }

    /// <summary>A protocol-41 login packet answering the scramble with the password, as <paramref name="plugin"/> says it does.</summary>
    public byte[] Login(string user, string password, string plugin = "mysql_native_password", bool tls = false)
    {
        var packet = new List<byte>(Header(Protocol41 | SecureConnection | PluginAuth | (tls ? Ssl : 0)));
        packet.AddRange(Encoding.UTF8.GetBytes(user));
        packet.Add(0);
        var answer = plugin == "mysql_native_password" ? ScrambleProof.For(password, Scramble).Response : new byte[32];
        packet.Add((byte)answer.Length);
        packet.AddRange(answer);
        packet.AddRange(Encoding.UTF8.GetBytes(plugin));
        packet.Add(0);
        return [.. packet];
    }

    /// <summary>The fixed part of a login packet: capabilities, max packet, character set, filler.</summary>
    private static byte[] Header(uint capabilities)
    {
        var packet = new List<byte>();
        packet.AddRange(BitConverter.GetBytes(capabilities));
        packet.AddRange(BitConverter.GetBytes(16_777_216));
        packet.Add(45);
        packet.AddRange(new byte[23]);
        return [.. packet];
    }

    public async Task Send(byte[] payload, byte sequence)
    {
        var header = new byte[] { (byte)payload.Length, (byte)(payload.Length >> 8), (byte)(payload.Length >> 16), sequence };
        await _stream.WriteAsync(header, TestContext.Current.CancellationToken);
        await _stream.WriteAsync(payload, TestContext.Current.CancellationToken);
    }

    public async Task SendRaw(byte[] bytes) => await _stream.WriteAsync(bytes, TestContext.Current.CancellationToken);

    /// <summary>The next packet's payload; null once the server closed the connection.</summary>
    public async Task<byte[]?> Read()
    {
        var header = new byte[4];
        if (!await Fill(header))
            return null;
        var payload = new byte[header[0] | (header[1] << 8) | (header[2] << 16)];
        return await Fill(payload) ? payload : null;
    }

    /// <summary>True once the server has closed the connection (reading what it still sends).</summary>
    public async Task<bool> ClosedByServer()
    {
        try
        {
            while (await Read() is not null)
            {
            }
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<bool> Fill(byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await _stream.ReadAsync(buffer.AsMemory(read), TestContext.Current.CancellationToken);
            if (count == 0)
                return false;
            read += count;
        }
        return true;
    }
}
