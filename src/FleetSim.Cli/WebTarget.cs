using System.CommandLine;
using FleetSim.Grains.Gateways;
using FleetSim.Hosting;
using FleetSim.Web;
using FleetSim.Wire.Listening;

namespace FleetSim.Cli;

/// <summary>The --web and --web-token options of the commands that serve the teaching page beside a fleet.</summary>
/// <param name="defaultAddress">Where the page is served without --web: serve shows it by default, run only when asked.</param>
internal sealed class WebTarget(string defaultAddress)
{
    private readonly Option<string> _address = new("--web")
    {
        Description = $"Serve the web page (the architecture drawn, live decisions, a connection form) and its API here, e.g. {WebAddress.Default}. Port 0 takes a free port; '{WebAddress.None}' turns it off. Any address but loopback needs a token.",
        DefaultValueFactory = _ => defaultAddress,
    };

    private readonly Option<string?> _token = new("--web-token") { Description = "The token the page needs (Authorization: Bearer TOKEN, or ?token=TOKEN once). Default on a non-loopback --web: generated and printed." };

    public void AddTo(Command command)
    {
        command.Options.Add(_address);
        command.Options.Add(_token);
    }

    /// <summary>The page's options, or null when it is off; a bad address is bad input.</summary>
    public WebOptions? Read(ParseResult parse)
    {
        try
        {
            // Only the default may move to a free port when taken: two serves side by side both start.
            var byDefault = parse.GetResult(_address) is null or { Implicit: true };
            return WebAddress.Parse(parse.GetValue(_address)!, "--web") is { } address
                ? new WebOptions(address, parse.GetValue(_token)) { ElsewhereWhenTaken = byDefault }
                : null;
        }
        catch (WebAddressException e)
        {
            throw new InputException([e.Message]);
        }
    }

    /// <summary>Gives an embedded silo the live decision feed the page watches; a running cluster's silos have their own.</summary>
    public static Action<Orleans.Hosting.ISiloBuilder>? Feed(WebOptions? options, DecisionFeed feed) => options is null ? null : feed.AddTo;

    public static async Task<WebServer?> StartAsync(WebOptions? options, IFleetHost host, DecisionFeed? feed,
        IEnumerable<(ListenerPlan Plan, ListenerPair? Listeners)> listeners, CancellationToken cancellationToken)
    {
        if (options is null)
            return null;
        // The embedded silo's own feed is watched directly; a running cluster's silos through their decision hub.
        feed = host is EmbeddedSilo ? feed : null;
        var opened = listeners.Where(l => l.Listeners is not null)
            .Select(l => new WebListener(l.Plan.Endpoint.Gateway, l.Listeners!.Gateway.Endpoint.Endpoint.ToString(), l.Listeners.Direct.Endpoint.Endpoint.ToString()))
            .ToList();
        try
        {
            return await WebServer.StartAsync(options with { Listeners = opened }, host, feed, cancellationToken);
        }
        catch (WebAddressException) when (options.ElsewhereWhenTaken)
        {
            Console.Error.WriteLine($"note: {options.Address.Endpoint} is taken: the web page takes a free port instead (choose one with --web)");
            var free = new WebAddress(new System.Net.IPEndPoint(options.Address.Endpoint.Address, 0));
            return await WebServer.StartAsync(options with { Address = free, Listeners = opened }, host, feed, cancellationToken);
        }
        catch (WebAddressException e)
        {
            throw new InputException([e.Message]);
        }
    }

    public static void Print(WebServer? page, TextWriter output)
    {
        if (page is null)
            return;
        output.WriteLine(page.Token is null ? $"Web page: {page.Address}" : $"Web page: {page.Address}?token={page.Token}");
        if (page.Token is not null)
            output.WriteLine("  (reachable from other machines: it needs that token, as ?token= once or Authorization: Bearer)");
    }
}
