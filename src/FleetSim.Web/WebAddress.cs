using System.Net;

namespace FleetSim.Web;

/// <summary>Where the page listens: an http:// address with an IP (or localhost) and a port, 0 for a free one.</summary>
public sealed record WebAddress(IPEndPoint Endpoint)
{
    public const string Default = "http://127.0.0.1:8090";

    /// <summary>What turns the page off (`--web none`).</summary>
    public const string None = "none";

    public bool IsLoopback => IPAddress.IsLoopback(Endpoint.Address);

    /// <summary>The address, or null for "none"; a bad one is an error that says what is expected.</summary>
    public static WebAddress? Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.Equals(text, None, StringComparison.OrdinalIgnoreCase))
            return null;
        var expected = $"{option}: '{text}' is not an address such as {Default} (http, an IP address or localhost, a port; port 0 takes a free one), or {None}";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            throw new WebAddressException(expected);
        var address = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip
            : throw new WebAddressException(expected);
        // Uri fills in 80 for a missing port; only a port written out is taken.
        var port = text.Contains($":{uri.Port}", StringComparison.Ordinal) ? uri.Port : 80;
        return new WebAddress(new IPEndPoint(address, port));
    }
}

/// <summary>A --web address that is not one.</summary>
public sealed class WebAddressException(string message) : Exception(message);
