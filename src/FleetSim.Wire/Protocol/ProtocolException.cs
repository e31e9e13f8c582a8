namespace FleetSim.Wire.Protocol;

/// <summary>
/// A client broke the protocol (a malformed or truncated packet, a wrong sequence id, a packet too
/// large): the connection ends, answered with <see cref="Code"/> when the client can still read it.
/// </summary>
public sealed class ProtocolException(string message, int code = ProtocolException.BadHandshake) : Exception(message)
{
    /// <summary>ER_HANDSHAKE_ERROR: what MariaDB answers to a login packet it cannot read.</summary>
    public const int BadHandshake = 1043;

    /// <summary>ER_NET_PACKET_TOO_LARGE.</summary>
    public const int PacketTooLarge = 1153;

    /// <summary>ER_NET_PACKETS_OUT_OF_ORDER.</summary>
    public const int PacketsOutOfOrder = 1156;

    public int Code { get; } = code;
}
