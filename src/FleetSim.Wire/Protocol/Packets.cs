using FleetSim.Policy.Sessions;
using FleetSim.Policy.Spec;

namespace FleetSim.Wire.Protocol;

/// <summary>The payloads the server side sends, in the shapes MariaDB's own server writes them.</summary>
internal static class Packets
{
    public const string NativePassword = "mysql_native_password";

    /// <summary>The version clients see: MariaDB's "5.5.5-" prefix marks a MariaDB server to MySQL clients.</summary>
    public const string ServerVersion = "5.5.5-" + ServerVariables.Version;

    private const byte Utf8mb4 = 45;
    private const ushort StatusAutocommit = 0x0002;
    private const ushort StatusSessionStateChanged = 0x4000;
    private const byte MysqlTypeVarString = 0xFD;

    public static ReadOnlyMemory<byte> Handshake(uint connectionId, ReadOnlySpan<byte> scramble, Capabilities offered) =>
        new PayloadWriter()
            .Byte(10)
            .NullTerminated(ServerVersion)
            .UInt32(connectionId)
            .Bytes(scramble[..8]).Byte(0)
            .UInt16((ushort)offered)
            .Byte(Utf8mb4)
            .UInt16(StatusAutocommit)
            .UInt16((ushort)((uint)offered >> 16))
            .Byte((byte)(scramble.Length + 1))
            .Zeros(10)
            .Bytes(scramble[8..]).Byte(0)
            .NullTerminated(NativePassword)
            .Written;

    /// <summary>Asks a client that logged in with another plugin to answer a fresh scramble with mysql_native_password.</summary>
    public static ReadOnlyMemory<byte> AuthSwitch(ReadOnlySpan<byte> scramble) =>
        new PayloadWriter().Byte(0xFE).NullTerminated(NativePassword).Bytes(scramble).Byte(0).Written;

    /// <summary>
    /// OK, optionally with human-readable info and a session-tracked system variable change (how
    /// MariaDB 11.3 reports redirect_url).
    /// </summary>
    public static ReadOnlyMemory<byte> Ok(Capabilities client, string? info = null, (string Name, string Value)? trackedVariable = null)
    {
        var tracked = trackedVariable is not null && client.HasFlag(Capabilities.SessionTrack);
        var writer = new PayloadWriter().Byte(0x00).LengthEncoded(0).LengthEncoded(0)
            .UInt16((ushort)(StatusAutocommit | (tracked ? StatusSessionStateChanged : 0)))
            .UInt16(0);
        if (client.HasFlag(Capabilities.SessionTrack))
        {
            if (info is not null || tracked)
                writer.LengthEncodedString(info ?? "");
            if (tracked)
            {
                var (name, value) = trackedVariable!.Value;
                var entry = new PayloadWriter().LengthEncodedString(name).LengthEncodedString(value).Written;
                var state = new PayloadWriter().Byte(0).LengthEncoded((ulong)entry.Length).Bytes(entry.Span).Written;
                writer.LengthEncoded((ulong)state.Length).Bytes(state.Span);
            }
        }
        else if (info is not null)
        {
            writer.Text(info);
        }
        return writer.Written;
    }

    /// <summary>An ERR packet; one sent before the client's login packet carries no SQLSTATE.</summary>
    public static ReadOnlyMemory<byte> Error(int code, string message, string? sqlState = null, bool withState = true)
    {
        var writer = new PayloadWriter().Byte(0xFF).UInt16((ushort)code);
        if (withState)
            writer.Byte((byte)'#').Text(sqlState ?? SqlStates.Of(code));
        return writer.Text(message).Written;
    }

    /// <summary>A result set: column count, definitions, rows, each its own packet; the end marker follows the client's capabilities.</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> ResultSet(ResultTable table, Capabilities client)
    {
        yield return new PayloadWriter().LengthEncoded((ulong)table.Columns.Count).Written;
        foreach (var column in table.Columns)
            yield return Column(column);
        var deprecateEof = client.HasFlag(Capabilities.DeprecateEof);
        if (!deprecateEof)
            yield return Eof();
        foreach (var row in table.Rows)
        {
            var writer = new PayloadWriter();
            foreach (var value in row)
            {
                if (value is null)
                    writer.Byte(0xFB);
                else
                    writer.LengthEncodedString(value);
            }
            yield return writer.Written;
        }
        yield return deprecateEof
            ? new PayloadWriter().Byte(0xFE).LengthEncoded(0).LengthEncoded(0).UInt16(StatusAutocommit).UInt16(0).Written
            : Eof();
    }

    private static ReadOnlyMemory<byte> Eof() => new PayloadWriter().Byte(0xFE).UInt16(0).UInt16(StatusAutocommit).Written;

    private static ReadOnlyMemory<byte> Column(string name) =>
        new PayloadWriter()
            .LengthEncodedString("def").LengthEncodedString("").LengthEncodedString("").LengthEncodedString("")
            .LengthEncodedString(name).LengthEncodedString(name)
            .LengthEncoded(0x0C)
            .UInt16(Utf8mb4)
            .UInt32(1024)
            .Byte(MysqlTypeVarString)
            .UInt16(0)
            .Byte(0)
            .UInt16(0)
            .Written;
}
