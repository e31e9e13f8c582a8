using FleetSim.AuditStore;
using FleetSim.Policy.Spec;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using Spectre.Console;

namespace FleetSim.Cli.Output;

/// <summary>What `serve` tells its user: the listeners, and a mariadb command line to paste.</summary>
internal static class ListenerReport
{
    public static void Print(FleetSpec fleet, IReadOnlyList<(ListenerPlan Plan, ListenerPair? Listeners)> listeners,
        ServerCertificates certificates, string store, bool scratch)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("listener", "gateway", "region", "state", "source", "host", "direct (redirect)");
        foreach (var (plan, pair) in listeners)
        {
            var source = string.Join(", ", EndpointsFile.Source(plan.Endpoint.Source).Select(f => $"{f.Key} {f.Value}"));
            table.AddRow(
                Markup.Escape(pair?.Gateway.Endpoint.Endpoint.ToString() ?? "not opened"),
                Markup.Escape(plan.Endpoint.Gateway), Markup.Escape(plan.Region ?? "-"), Markup.Escape(plan.State),
                Markup.Escape(source), Markup.Escape(plan.Endpoint.Host ?? "-"), Markup.Escape(pair?.Direct.Endpoint.Endpoint.ToString() ?? "-"));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        // Piped into a file or a test, the table keeps its rows whole rather than wrapping at 80 columns.
        console.Profile.Width = Math.Max(console.Profile.Width, 160);
        console.Write(table);
        if (listeners.Any(l => l.Listeners is null))
            Console.WriteLine("A Decommissioned gateway's address is retired: no listener, as a client dialling it gets no answer.");

        // A Current gateway's listener, as a newcomer's first connection should be the normal path.
        var first = listeners.OrderBy(l => l.Plan.State == nameof(GatewayState.Current) ? 0 : 1)
            .FirstOrDefault(l => l.Listeners is not null && fleet.Servers.Any(s => s.Region == l.Plan.Region));
        var server = first.Listeners is null ? null : fleet.Servers.First(s => s.Region == first.Plan.Region);
        if (first.Listeners is { } open && server is not null)
        {
            var endpoint = open.Gateway.Endpoint.Endpoint;
            var password = server.AdministratorLoginPassword is { } clear ? $" -p'{clear.Replace("'", "'\\''", StringComparison.Ordinal)}'" : " -p";
            var ca = certificates.CaPath.Length > 0 ? $" --ssl-ca={Path.GetFullPath(certificates.CaPath)}" : "";
            Console.WriteLine();
            Console.WriteLine($"Connect to '{server.Name}' through gateway {first.Plan.Endpoint.Gateway}:");
            Console.WriteLine($"  mariadb -h {endpoint.Address} -P {endpoint.Port} -u {server.AdministratorLogin}@{server.Name}{password}{ca}");
        }
        if (certificates.CaPath.Length > 0)
            Console.WriteLine($"TLS CA (for --ssl-ca): {Path.GetFullPath(certificates.CaPath)}");
        Console.WriteLine(scratch ? "audit store: scratch, deleted on exit (keep it with --store PATH)" : $"audit store: {AuditStores.Display(store)}");
        Console.WriteLine("Ctrl+C stops.");
    }
}
