using FleetSim.Contracts.Fleet;
using FleetSim.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FleetSim.Web.Hosting;

/// <summary>
/// The page on a silo host's own web server (the Orleans Dashboard's), when silo.json has a
/// FleetSim:Web section: { "Token": "..." } or {} (on an address other than loopback a token is then
/// generated and printed). Its live feed is every silo's gateways' decisions, through the cluster's decision hub.
/// </summary>
public static class WebSiloExtensions
{
    public const string Section = "FleetSim:Web";

    /// <summary>Maps the page and its API, if silo.json asks for it.</summary>
    /// <param name="app">The silo host's web application.</param>
    /// <param name="urls">The addresses the web server listens on (";"-separated): any but loopback needs the token.</param>
    public static WebApplication MapFleetSimWeb(this WebApplication app, string urls)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(urls);
        var section = app.Configuration.GetSection(Section);
        if (!section.Exists())
            return app;
        var loopback = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(IsLoopback);
        var token = section["Token"] ?? (loopback ? null : Access.WebToken.Generate());
        var services = app.Services;
        var host = new SiloFleet(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<DirectoryCache>(), services.GetRequiredService<FleetSimSiloOptions>());
        WebServer.Map(app, host, feed: null, token, [], guarded: path => !path.StartsWithSegments("/dashboard"));
        Console.WriteLine(token is null ? $"Web page: {urls}" : $"Web page: {urls} (token {token}: open it with ?token=TOKEN once, or send Authorization: Bearer TOKEN)");
        return app;
    }

    // http://+:8080 and the like (every address) are not loopback.
    private static bool IsLoopback(string url)
    {
        try
        {
            return WebAddress.Parse(url, Section) is { IsLoopback: true };
        }
        catch (WebAddressException)
        {
            return false;
        }
    }
}
