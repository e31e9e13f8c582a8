namespace FleetSim.Wire.Protocol;

/// <summary>The SQLSTATE an ERR packet carries beside each error code, as the real server and gateway send it.</summary>
internal static class SqlStates
{
    public static string Of(int code) => code switch
    {
        1045 or 1133 or 9002 => "28000",
        1040 => "08004",
        1044 or 1064 or 1065 or 1141 or 1142 or 1227 => "42000",
        1046 => "3D000",
        1927 => "70100",
        1043 or 1047 or 1153 or 1156 => "08S01",
        _ => "HY000",
    };
}
