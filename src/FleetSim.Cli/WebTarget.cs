using System.CommandLine;
using FleetSim.Grains.Gateways;
using FleetSim.Hosting;
using FleetSim.Web;
using FleetSim.Wire.Listening;

namespace FleetSim.Cli;

/// <summary>The --web and --web-token options of the commands that serve the teaching page beside a fleet.</summary>
internal sealed class WebTarget
{
    private readonly Option<string> _address = new("--web")
    {
        Description = $"Serve the web page (the architecture drawn, live decisions, a connection form) and its API here. Port 0 takes a free port; '{WebAddress.None}' turns it off. Any address but loopback needs a token.",
        DefaultValueFactory = _ => WebAddress.Default,
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
            return WebAddress.Parse(parse.GetValue(_address)!, "--web") is { } address ? new WebOptions(address, parse.GetValue(_token)) : null;
        }
        catch (WebAddressException e)
        {
            throw new InputException([e.Message]);
        }
    }

    public static async Task<WebServer?> StartAsync(WebOptions? options, IFleetHost host, DecisionFeed? feed,
        IEnumerable<(ListenerPlan Plan, ListenerPair? Listeners)> listeners, CancellationToken cancellationToken)
    {
        if (options is null)
            return null;
        var opened = listeners.Where(l => l.Listeners is not null)
            .Select(l => new WebListener(l.Plan.Endpoint.Gateway, l.Listeners!.Gateway.Endpoint.Endpoint.ToString(), l.Listeners.Direct.Endpoint.Endpoint.ToString()))
            .ToList();
        try
        {
            return await WebServer.StartAsync(options with { Listeners = opened }, host, feed, cancellationToken);
        }
        catch (WebAddressException e)
        {
            throw new InputException([e.Message]);
        }
    }

    public static void Print(WebServer? page)
    {
        if (page is null)
            return;
        Console.WriteLine(page.Token is null ? $"Web page: {page.Address}" : $"Web page: {page.Address}?token={page.Token}");
        if (page.Token is not null)
            Console.WriteLine("  (reachable from other machines: it needs that token, as ?token= once or Authorization: Bearer)");
    }
}
