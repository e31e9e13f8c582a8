using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace FleetSim.Wire.Protocol;

/// <summary>Builds the payload of one server packet, field by field, in the protocol's encodings.</summary>
internal sealed class PayloadWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(128);

    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public PayloadWriter Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
        return this;
    }

    public PayloadWriter UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
        return this;
    }

    public PayloadWriter UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
        return this;
    }

    public PayloadWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        _buffer.Write(bytes);
        return this;
    }

    public PayloadWriter Zeros(int count)
    {
        _buffer.GetSpan(count)[..count].Clear();
        _buffer.Advance(count);
        return this;
    }

    public PayloadWriter Text(string text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        Encoding.UTF8.GetBytes(text, _buffer.GetSpan(count));
        _buffer.Advance(count);
        return this;
    }

    public PayloadWriter NullTerminated(string text) => Text(text).Byte(0);

    public PayloadWriter LengthEncoded(ulong value)
    {
        if (value < 0xFB)
            return Byte((byte)value);
        if (value <= ushort.MaxValue)
            return Byte(0xFC).UInt16((ushort)value);
        if (value < 1 << 24)
            return Byte(0xFD).Byte((byte)value).Byte((byte)(value >> 8)).Byte((byte)(value >> 16));
        Byte(0xFE);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
        return this;
    }

    public PayloadWriter LengthEncodedString(string text) => LengthEncoded((ulong)Encoding.UTF8.GetByteCount(text)).Text(text);
}
