using System.Buffers;

namespace FleetSim.Wire.Protocol;

/// <summary>
/// Packets over one client connection: a 3-byte length, a sequence id, the payload. It checks the
/// sequence ids (each exchange starts at 0 and alternates sides), refuses packets over the
/// configured maximum before reading them, and can switch to a TLS stream mid-connection.
/// </summary>
internal sealed class PacketChannel(Stream stream, int maxPacket)
{
    private const int MaxChunk = 0xFF_FFFF;

    private readonly byte[] _header = new byte[4];

    /// <summary>Packets written since the last flush, sent in one write: one segment (one TLS record) per answer, not two per packet.</summary>
    private readonly ArrayBufferWriter<byte> _pending = new(256);

    /// <summary>The connection: the socket's stream, then the TLS stream once the client asked for TLS.</summary>
    public Stream Stream { get; set; } = stream;

    /// <summary>The sequence id the next packet, read or written, must carry.</summary>
    public byte Sequence { get; private set; }

    /// <summary>A client command starts a new exchange.</summary>
    public void ResetSequence() => Sequence = 0;

    /// <summary>The next packet's payload; null when the client closed the connection between packets.</summary>
    public async Task<byte[]?> ReadAsync(CancellationToken cancellationToken)
    {
        byte[]? payload = null;
        int length;
        do
        {
            if (!await FillHeader(cancellationToken))
            {
                if (payload is null)
                    return null;
                throw new ProtocolException("the client closed the connection in the middle of a packet");
            }
            length = _header[0] | (_header[1] << 8) | (_header[2] << 16);
            if (_header[3] != Sequence)
                throw new ProtocolException($"packet sequence id {_header[3]} where {Sequence} was due", ProtocolException.PacketsOutOfOrder);
            Sequence++;
            var start = payload?.Length ?? 0;
            if ((long)start + length > maxPacket)
                throw new ProtocolException("Got a packet bigger than 'max_allowed_packet' bytes", ProtocolException.PacketTooLarge);
            Array.Resize(ref payload, start + length);
            await Stream.ReadExactlyAsync(payload.AsMemory(start, length), cancellationToken);
        }
        // A payload of exactly 2^24-1 bytes continues in the next packet.
        while (length == MaxChunk);
        return payload;
    }

    public Task WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        while (true)
        {
            var chunk = payload[..Math.Min(payload.Length, MaxChunk)];
            var header = _pending.GetSpan(4);
            header[0] = (byte)chunk.Length;
            header[1] = (byte)(chunk.Length >> 8);
            header[2] = (byte)(chunk.Length >> 16);
            header[3] = Sequence++;
            _pending.Advance(4);
            _pending.Write(chunk.Span);
            payload = payload[chunk.Length..];
            if (chunk.Length < MaxChunk)
                break;
        }
        return Task.CompletedTask;
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.WrittenCount > 0)
        {
            await Stream.WriteAsync(_pending.WrittenMemory, cancellationToken);
            _pending.ResetWrittenCount();
        }
        await Stream.FlushAsync(cancellationToken);
    }

    private async Task<bool> FillHeader(CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < _header.Length)
        {
            var count = await Stream.ReadAsync(_header.AsMemory(read), cancellationToken);
            if (count == 0)
                return read == 0 ? false : throw new ProtocolException("the client closed the connection in the middle of a packet header");
            read += count;
        }
        return true;
    }
}
