namespace FleetSim.Wire.Protocol;

/// <summary>
/// A client's login packet (protocol 41): its capabilities, the user (user@server on the gateway),
/// its answer to the scramble, the default database, the plugin it used and its connect attributes.
/// </summary>
internal sealed record HandshakeResponse(
    Capabilities Capabilities,
    string User,
    byte[] AuthResponse,
    string? Database,
    string? Plugin,
    IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The fixed part every response starts with; an SSL request is exactly this much.</summary>
    public const int FixedLength = 32;

    /// <summary>The program the client says it is: program_name, else _client_name, as threat detection names applications.</summary>
    public string? Application => Attributes.GetValueOrDefault("program_name") ?? Attributes.GetValueOrDefault("_client_name");

    /// <summary>True when the packet is an SSL request: only the fixed part, with CLIENT_SSL set.</summary>
    public static bool IsSslRequest(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        return payload.Length == FixedLength && ((Capabilities)reader.UInt32()).HasFlag(Capabilities.Ssl);
    }

    public static HandshakeResponse Parse(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var capabilities = (Capabilities)reader.UInt32();
        if (!capabilities.HasFlag(Capabilities.Protocol41))
            throw new ProtocolException("the client does not speak protocol 4.1");
        reader.Skip(4 + 1 + 23); // max packet size, character set, filler and MariaDB's extended capabilities
        var user = reader.NullTerminated();
        byte[] auth = capabilities.HasFlag(Capabilities.PluginAuthLengthEncodedData) ? reader.LengthEncodedBytes().ToArray()
            : capabilities.HasFlag(Capabilities.SecureConnection) ? reader.Bytes(reader.Byte()).ToArray()
            : System.Text.Encoding.UTF8.GetBytes(reader.NullTerminated());
        var database = capabilities.HasFlag(Capabilities.ConnectWithDb) && !reader.AtEnd ? reader.NullTerminated() : null;
        var plugin = capabilities.HasFlag(Capabilities.PluginAuth) && !reader.AtEnd ? reader.NullTerminated() : null;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (capabilities.HasFlag(Capabilities.ConnectAttributes) && !reader.AtEnd)
        {
            var all = new PayloadReader(reader.LengthEncodedBytes());
            while (!all.AtEnd)
                attributes[all.LengthEncodedString()] = all.LengthEncodedString();
        }
        return new HandshakeResponse(capabilities, user, auth, string.IsNullOrEmpty(database) ? null : database, plugin, attributes);
    }
}
