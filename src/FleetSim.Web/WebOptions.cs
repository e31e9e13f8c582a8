namespace FleetSim.Web;

/// <summary>
/// How the page is served. A token is required on any address but loopback: given (--web-token),
/// or generated at start and printed.
/// </summary>
public sealed record WebOptions(WebAddress Address, string? Token = null)
{
    /// <summary>The listeners the host opened, drawn on the map with their direct endpoints (the redirect policy's).</summary>
    public IReadOnlyList<WebListener> Listeners { get; init; } = [];

    /// <summary>Whether a host may take a free port when the address's port is taken (the default address, not one given).</summary>
    public bool ElsewhereWhenTaken { get; init; }
}

/// <summary>A MariaDB protocol listener for a gateway address, and the direct endpoint redirected clients dial.</summary>
public sealed record WebListener(string Gateway, string Endpoint, string? Direct);
