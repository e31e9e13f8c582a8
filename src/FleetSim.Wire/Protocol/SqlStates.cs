namespace FleetSim.Wire.Protocol;

/// <summary>
/// The SQLSTATE of the errors that reach the wire without one: a login's refusal (the gateway's and
/// the server's connection errors) and the protocol's own. A statement's error carries its own.
/// </summary>
internal static class SqlStates
{
    public static string Of(int code) => code switch
    {
        1045 or 9002 => "28000",
        1040 => "08004",
        1044 => "42000",
        1043 or 1047 or 1153 or 1156 => "08S01",
        _ => "HY000",
    };
}
