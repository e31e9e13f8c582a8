using System.Buffers.Binary;
using System.Text;

namespace FleetSim.Wire.Protocol;

/// <summary>
/// Reads the fields of one client packet. A field that runs past the end of the packet is a
/// malformed packet (<see cref="ProtocolException"/>), never an out-of-range read.
/// </summary>
internal ref struct PayloadReader(ReadOnlySpan<byte> payload)
{
    private readonly ReadOnlySpan<byte> _payload = payload;
    private int _position;

    public readonly int Remaining => _payload.Length - _position;

    public readonly bool AtEnd => _position >= _payload.Length;

    public byte Byte() => Take(1)[0];

    public ushort UInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public void Skip(int count) => Take(count);

    public ReadOnlySpan<byte> Bytes(int count) => Take(count);

    public ReadOnlySpan<byte> Rest() => Take(Remaining);

    /// <summary>A length-encoded integer: 1 byte below 251, else 0xFC, 0xFD or 0xFE and 2, 3 or 8 bytes.</summary>
    public ulong LengthEncoded()
    {
        var first = Byte();
        return first switch
        {
            < 0xFB => first,
            0xFC => UInt16(),
            0xFD => (ulong)Take(3)[0] | ((ulong)_payload[_position - 2] << 8) | ((ulong)_payload[_position - 1] << 16),
            0xFE => BinaryPrimitives.ReadUInt64LittleEndian(Take(8)),
            _ => throw new ProtocolException($"0x{first:X2} does not start a length-encoded integer"),
        };
    }

    public ReadOnlySpan<byte> LengthEncodedBytes()
    {
        var length = LengthEncoded();
        return length > (ulong)Remaining ? throw Truncated() : Take((int)length);
    }

    public string LengthEncodedString() => Encoding.UTF8.GetString(LengthEncodedBytes());

    /// <summary>A string up to its NUL byte; a packet that ends first ends the string (as clients that omit it expect).</summary>
    public string NullTerminated()
    {
        var rest = _payload[_position..];
        var end = rest.IndexOf((byte)0);
        var text = Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
        _position += end < 0 ? rest.Length : end + 1;
        return text;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > Remaining)
            throw Truncated();
        var span = _payload.Slice(_position, count);
        _position += count;
        return span;
    }

    private static ProtocolException Truncated() => new("the packet ends in the middle of a field");
}
