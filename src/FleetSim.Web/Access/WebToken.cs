using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetSim.Web.Access;

/// <summary>
/// The bearer token that guards a page reachable from other machines: sent as
/// `Authorization: Bearer TOKEN`, or once as `?token=TOKEN`, which leaves a cookie for the page's
/// own requests (an EventSource cannot send headers). Without it, 401.
/// </summary>
internal sealed class WebToken(string token)
{
    public const string Cookie = "fleetsim-web";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task Guard(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim())
            || request.Cookies.TryGetValue(Cookie, out var cookie) && Matches(cookie))
        {
            await next(context);
            return;
        }
        if (request.Query.TryGetValue("token", out var query) && Matches(query.ToString()))
        {
            context.Response.Cookies.Append(Cookie, query.ToString(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsync("401: this page needs its token: open it with ?token=TOKEN (printed by fleetsim at start) or send Authorization: Bearer TOKEN\n");
    }

    // Constant time: a token guessed byte by byte must not show in response times.
    private bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);
}
