using System.Security.Cryptography;

namespace FleetSim.Wire.Sessions;

/// <summary>The 20 random bytes a login is answered against, printable and without NUL, as MariaDB makes them.</summary>
internal static class Scrambles
{
    public const int Length = 20;

    public static byte[] New()
    {
        var scramble = new byte[Length];
        for (var i = 0; i < scramble.Length; i++)
            scramble[i] = (byte)RandomNumberGenerator.GetInt32(33, 127);
        return scramble;
    }
}
