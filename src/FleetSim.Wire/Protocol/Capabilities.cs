namespace FleetSim.Wire.Protocol;

/// <summary>The capability flags of the MariaDB protocol that FleetSim reads or offers.</summary>
[Flags]
internal enum Capabilities : uint
{
    None = 0,
    LongPassword = 1,
    FoundRows = 1 << 1,
    LongFlag = 1 << 2,
    ConnectWithDb = 1 << 3,
    NoSchema = 1 << 4,
    Odbc = 1 << 6,
    IgnoreSpace = 1 << 8,
    Protocol41 = 1 << 9,
    Interactive = 1 << 10,
    Ssl = 1 << 11,
    IgnoreSigpipe = 1 << 12,
    Transactions = 1 << 13,
    SecureConnection = 1 << 15,
    MultiResults = 1 << 17,
    PsMultiResults = 1 << 18,
    PluginAuth = 1 << 19,
    ConnectAttributes = 1 << 20,
    PluginAuthLengthEncodedData = 1 << 21,
    SessionTrack = 1 << 23,
    DeprecateEof = 1 << 24,

    /// <summary>
    /// What every FleetSim listener offers; TLS is added where a certificate is configured.
    /// Multiple statements per query are not offered: the mariadb client sends one at a time.
    /// </summary>
    Offered = LongPassword | FoundRows | LongFlag | ConnectWithDb | NoSchema | Odbc | IgnoreSpace | Protocol41
        | Interactive | IgnoreSigpipe | Transactions | SecureConnection | MultiResults | PsMultiResults | PluginAuth
        | ConnectAttributes | PluginAuthLengthEncodedData | SessionTrack | DeprecateEof,
}
