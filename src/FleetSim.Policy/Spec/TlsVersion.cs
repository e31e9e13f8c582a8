namespace FleetSim.Policy.Spec;

/// <summary>The TLS version a client offers; None is a plain-text client.</summary>
public enum TlsVersion { None = 0, Tls1_0 = 10, Tls1_1 = 11, Tls1_2 = 12, Tls1_3 = 13 }

public static class TlsVersions
{
    /// <summary>Parses what a client offers: none, 1.0, 1.1, 1.2 or 1.3.</summary>
    public static bool TryParseOffered(string? text, out TlsVersion version)
    {
        version = text switch
        {
            "none" => TlsVersion.None,
            "1.0" => TlsVersion.Tls1_0,
            "1.1" => TlsVersion.Tls1_1,
            "1.2" => TlsVersion.Tls1_2,
            "1.3" => TlsVersion.Tls1_3,
            _ => (TlsVersion)(-1),
        };
        return (int)version >= 0;
    }

    /// <summary>What a client offers, where a request enters; anything else is the caller's bad input.</summary>
    public static TlsVersion ParseOffered(string? text) =>
        TryParseOffered(text, out var version) ? version : throw new FormatException($"tls: '{text}' is not one of {OfferedNames}");

    public const string OfferedNames = "none, 1.0, 1.1, 1.2, 1.3";

    /// <summary>Parses minimalTlsVersion; TLSEnforcementDisabled becomes None (no minimum).</summary>
    public static bool TryParseMinimal(string? text, out TlsVersion version)
    {
        version = text switch
        {
            "TLSEnforcementDisabled" => TlsVersion.None,
            "TLS1_0" => TlsVersion.Tls1_0,
            "TLS1_1" => TlsVersion.Tls1_1,
            "TLS1_2" => TlsVersion.Tls1_2,
            _ => (TlsVersion)(-1),
        };
        return (int)version >= 0;
    }

    public static TlsVersion ParseMinimal(string? text) =>
        TryParseMinimal(text, out var version) ? version : throw new FormatException($"'{text}' is not one of {MinimalNames}");

    public const string MinimalNames = "TLSEnforcementDisabled|TLS1_0|TLS1_1|TLS1_2";

    public static string ToOffered(this TlsVersion version) => version switch
    {
        TlsVersion.None => "none",
        TlsVersion.Tls1_0 => "1.0",
        TlsVersion.Tls1_1 => "1.1",
        TlsVersion.Tls1_2 => "1.2",
        _ => "1.3",
    };

    public static string ToMinimal(this TlsVersion version) => version switch
    {
        TlsVersion.None => "TLSEnforcementDisabled",
        TlsVersion.Tls1_0 => "TLS1_0",
        TlsVersion.Tls1_1 => "TLS1_1",
        _ => "TLS1_2",
    };
}
