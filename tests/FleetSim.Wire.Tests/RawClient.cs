using System.Net;
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
    private readonly TcpClient _tcp = new() { NoDelay = true };
    private NetworkStream _stream = null!;

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

    /// <summary>A protocol-41 login packet in clear, answering the greeting's scramble with the password.</summary>
    public byte[] Login(string user, string password)
    {
        var packet = new List<byte>();
        const uint capabilities = 0x0000_0200 | 0x0000_8000 | 0x0008_0000 | 0x0020_0000; // 4.1, secure, plugin auth, lenenc auth
        packet.AddRange(BitConverter.GetBytes(capabilities));
        packet.AddRange(BitConverter.GetBytes(16_777_216));
        packet.Add(45);
        packet.AddRange(new byte[23]);
        packet.AddRange(Encoding.UTF8.GetBytes(user));
        packet.Add(0);
        var answer = ScrambleProof.For(password, Scramble).Response;
        packet.Add((byte)answer.Length);
        packet.AddRange(answer);
        packet.AddRange(Encoding.UTF8.GetBytes("mysql_native_password"));
        packet.Add(0);
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
