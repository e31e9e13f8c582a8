using FleetSim.Grains.Gateways;
using FleetSim.Hosting;
using FleetSim.Web.Access;
using FleetSim.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetSim.Web;

/// <summary>
/// The teaching page and its API, served for a host's fleet: the map, live decisions, the
/// connection form. On loopback it needs nothing; anywhere else it needs its token.
/// </summary>
public sealed class WebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebServer(WebApplication app, Uri address, string? token)
    {
        _app = app;
        Address = address;
        Token = token;
    }

    /// <summary>The address the page answers at, with the port actually taken.</summary>
    public Uri Address { get; }

    /// <summary>The token a request needs; null on loopback without one given.</summary>
    public string? Token { get; }

    /// <param name="options">Where to listen, and the token.</param>
    /// <param name="host">The fleet shown and tried.</param>
    /// <param name="feed">The live decision feed of the single silo in this process; null to watch a cluster's silos through their decision hub.</param>
    /// <param name="cancellationToken">Stops a start that takes too long.</param>
    public static async Task<WebServer> StartAsync(WebOptions options, IFleetHost host, DecisionFeed? feed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(host);
        var token = options.Token ?? (options.Address.IsLoopback ? null : WebToken.Generate());
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WebServer).Assembly.GetName().Name });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(options.Address.Endpoint));
        var app = builder.Build();
        Map(app, host, feed, token, options.Listeners);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new WebAddressException($"--web: cannot listen on {options.Address.Endpoint}: {e.Message}");
        }
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebServer(app, new Uri(bound), token);
    }

    public async ValueTask DisposeAsync()
    {
        // Open event streams never end on their own: they get a few seconds, then are cut.
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    /// <summary>Maps the page and its API onto a web application, this server's or a silo host's.</summary>
    /// <param name="guarded">Which paths are the page's, to be guarded by the token and its headers (a silo host's dashboard is not).</param>
    internal static void Map(WebApplication app, IFleetHost host, DecisionFeed? feed, string? token, IReadOnlyList<WebListener> listeners,
        Func<PathString, bool>? guarded = null)
    {
        var page = app.MapGroup("");
        guarded ??= _ => true;
        app.UseWhen(context => guarded(context.Request.Path), branch => Guard(branch, token));
        var fleet = new FleetView(host, listeners);
        var servers = new ServerPanel(host);
        var explain = new ExplainEndpoint(host);
        var lessons = new Lessons.LessonFleet();
        var lesson = new Lessons.LessonRunner(lessons);
        // The lessons' own silo, if a lesson started it, stops with the page.
        app.Lifetime.ApplicationStopped.Register(() => lessons.DisposeAsync().AsTask().GetAwaiter().GetResult());
        page.MapGet("/", () => Assets.Serve("index.html"));
        page.MapGet("/app.js", () => Assets.Serve("app.js"));
        page.MapGet("/app.css", () => Assets.Serve("app.css"));
        var api = page.MapGroup("/api");
        api.MapGet("/fleet", async () => TypedResults.Json(await fleet.Map(), Json.Options));
        api.MapGet("/regions/{region}/servers", async (string region, string? search) =>
            await fleet.Search(region, search) is { } found ? Results.Json(found, Json.Options) : Results.NotFound());
        api.MapGet("/servers/{name}", async (string name) =>
            await servers.Of(name) is { } panel ? Results.Json(panel, Json.Options) : Results.NotFound());
        api.MapGet("/decisions/stream", (HttpContext context) => DecisionStream.Serve(context, feed, host.Grains));
        api.MapPost("/explain", explain.Explain);
        api.MapPost("/lessons/rule-change", async () => TypedResults.Json(await lesson.RuleChangeIsNotInstant(), Json.Options));
        api.MapPost("/lessons/redirect", async () => TypedResults.Json(await lesson.RedirectSkipsTheGateway(), Json.Options));
    }

    private static void Guard(IApplicationBuilder app, string? token)
    {
        app.Use(async (context, next) =>
        {
            // The page runs only its own script and style: a fleet string that slipped through as
            // markup still could not run.
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        if (token is not null)
            app.Use(new WebToken(token).Guard);
    }
}
