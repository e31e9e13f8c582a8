using System.Buffers;
using System.Text.Json;
using FleetSim.Client.Output;

namespace FleetSim.Cli.Output;

/// <summary>JSON Lines on a stream, as every command that prints one object a line writes them.</summary>
public static class JsonLines
{
    /// <summary>One JSON object a line, gathered in memory and written in large blocks rather than a write a line.</summary>
    public static void Write<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write, Stream output)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(output);
        const int Block = 1 << 16;
        var buffer = new ArrayBufferWriter<byte>(Block * 2);
        using var json = new Utf8JsonWriter(buffer, DecisionLine.WriterOptions);
        foreach (var item in items)
        {
            write(json, item);
            json.Flush();
            json.Reset();
            buffer.Write("\n"u8);
            if (buffer.WrittenCount >= Block)
            {
                output.Write(buffer.WrittenSpan);
                buffer.ResetWrittenCount();
            }
        }
        output.Write(buffer.WrittenSpan);
        output.Flush();
    }
}
