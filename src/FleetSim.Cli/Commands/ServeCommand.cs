using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using FleetSim.AuditStore;
using FleetSim.Cli.Output;
using FleetSim.Grains.Gateways;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using FleetSim.Wire.Listening;
using FleetSim.Wire.Tls;
using FleetSim.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetSim.Cli.Commands;

public static class ServeCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo?>("FLEET") { Description = "The fleet specification (JSON). Default: samples/fleet.json.", Arity = ArgumentArity.ZeroOrOne };
        var listeners = new Option<FileInfo?>("--listeners") { Description = """A JSON list of listeners: [{"endpoint": "127.0.0.1:3306", "gateway": "40.71.8.203", "source": {"ip": "203.0.113.9"}, "host": "contoso.mariadb.database.azure.com"}]. Default: one per Current or Decommissioning gateway, presenting 203.0.113.9.""" };
        var port = new Option<int>("--port") { Description = "Without --listeners, the first listener's port; the next gateways take the next ports. 0 takes free ports.", DefaultValueFactory = _ => 3306 };
        var endpointsFile = new Option<string?>("--endpoints-file") { Description = "Write the listeners opened, as JSON, to this file (atomically, once every listener accepts)." };
        var store = new Option<string?>("--store") { Description = "The audit store (SQLite file or redis://...) to keep for `fleetsim audit`/`alerts`. Default: scratch space, deleted on exit." };
        var data = new Option<string>("--data") { Description = "Where the generated TLS CA and server certificate are kept.", DefaultValueFactory = _ => "data" };
        var tlsCert = new Option<FileInfo?>("--tls-cert") { Description = "A PEM server certificate to use instead of the generated one (with --tls-key)." };
        var tlsKey = new Option<FileInfo?>("--tls-key") { Description = "The PEM private key of --tls-cert." };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow listeners on non-loopback addresses (reachable from other machines)." };
        var connectTimeout = new Option<int>("--connect-timeout") { Description = "Seconds a client may take to log in (MariaDB's connect_timeout).", DefaultValueFactory = _ => 10 };
        var verbose = new Option<bool>("--verbose") { Description = "Show the embedded silo's and the listeners' log on standard error." };
        var web = new WebTarget(WebAddress.Default);
        var command = new Command("serve", """
            Start an embedded silo with the fleet and open MariaDB protocol listeners at its regional
            gateways, so that real clients (the mariadb command-line client, any MariaDB or MySQL
            driver) connect to the simulated fleet and get the real service's answers: every check
            of a simulated connection, the audit log and threat detection apply.

            Each listener stands for a gateway address and the source its clients present (a real
            client cannot choose its internet address). Log in as user@server, or give the listener
            a "host" (contoso.mariadb.database.azure.com). TLS is offered with a certificate made at
            first start under --data; pass its CA to the client with --ssl-ca.

            Runs until Ctrl+C or SIGTERM, then closes every session, flushes the audit log and exits 0.
            Exit codes: 0 stopped, 2 bad input (fleet, listeners, a taken port).
            """)
        {
            fleet, listeners, port, endpointsFile, store, data, tlsCert, tlsKey, allowRemote, connectTimeout, verbose,
        };
        web.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var fleetPath = parse.GetValue(fleet)?.FullName ?? Path.GetFullPath(Path.Combine("samples", "fleet.json"));
            var spec = FleetSpecReader.ReadFile(fleetPath);
            var remote = parse.GetValue(allowRemote);
            var plans = PlanListeners(spec, parse.GetValue(listeners), parse.GetValue(port), remote);
            var webOptions = web.Read(parse);
            var certificates = Certificates(parse.GetValue(tlsCert), parse.GetValue(tlsKey), parse.GetValue(data)!);
            using var certificate = certificates.Load();
            var options = new WireOptions { Certificate = certificate, ConnectTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(connectTimeout))) };

            using var scratch = parse.GetValue(store) is null ? new ScratchStore() : null;
            var storePath = parse.GetValue(store) ?? scratch!.Path;
            var feed = new DecisionFeed();
            var silo = await EmbeddedSilo.StartAsync(storePath, parse.GetValue(verbose), configure: feed.AddTo, cancellationToken: cancellationToken);
            var opened = new List<(ListenerPlan Plan, ListenerPair? Listeners)>();
            WebServer? page = null;
            try
            {
                var provisioned = await ((IFleetHost)silo).ProvisionAsync(spec);
                if (!provisioned.Succeeded)
                    throw new InputException([.. provisioned.Errors.Select(e => $"{fleetPath}: {e}")]);
                using var loggers = LoggerFactory.Create(b => { if (parse.GetValue(verbose)) b.AddSimpleConsole(); });
                var logger = loggers.CreateLogger("FleetSim.Wire");
                var fleetAccess = new WireFleet(silo.Grains, silo.DirectoryCache);
                foreach (var plan in plans)
                {
                    try
                    {
                        opened.Add((plan, plan.Opens ? ListenerPair.Open(plan.Endpoint, options, fleetAccess, logger) : null));
                    }
                    catch (WireEndpointException e)
                    {
                        throw new InputException([e.Message]);
                    }
                }
                if (remote && opened.Any(o => o.Listeners is not null && !IPAddress.IsLoopback(o.Listeners.Gateway.Endpoint.Endpoint.Address)))
                    Console.Error.WriteLine("warning: --allow-remote: listeners accept clients from other machines; the fleet's passwords are only as safe as this network");
                page = await WebTarget.StartAsync(webOptions, silo, feed, opened, cancellationToken);
                if (parse.GetValue(endpointsFile) is { } path)
                    EndpointsFile.Write(path, opened.Select(o => (o.Plan, o.Listeners?.Gateway.Endpoint)), page?.Address.ToString());
                ListenerReport.Print(spec, opened, certificates, storePath, scratch is not null);
                WebTarget.Print(page, Console.Out);

                await WaitForStop(cancellationToken);
                Console.Error.WriteLine("stopping: closing sessions and flushing the audit log");
            }
            finally
            {
                if (page is not null)
                    await page.DisposeAsync();
                foreach (var (_, listeners) in opened)
                {
                    if (listeners is not null)
                        await listeners.DisposeAsync();
                }
                await silo.DisposeAsync();
            }
            Console.Error.WriteLine(scratch is null ? $"audit log flushed to {AuditStores.Display(storePath)}" : "stopped");
            return 0;
        }));
        return command;
    }

    private static IReadOnlyList<ListenerPlan> PlanListeners(FleetSpec spec, FileInfo? file, int port, bool allowRemote)
    {
        if (port is < 0 or > 65535)
            throw new InputException([$"--port: {port} is not a port (0-65535)"]);
        try
        {
            return file is null ? ListenerPlan.ForGateways(spec, port) : ListenerPlan.For(spec, ListenerFile.Read(file.FullName, allowRemote));
        }
        catch (WireEndpointListException e)
        {
            throw new InputException(e.Errors);
        }
    }

    private static ServerCertificates Certificates(FileInfo? certificate, FileInfo? key, string data)
    {
        if ((certificate is null) != (key is null))
            throw new InputException(["--tls-cert and --tls-key: give both or neither"]);
        if (certificate is null)
            return ServerCertificates.InFolder(Path.Combine(data, "tls"));
        foreach (var file in new[] { certificate, key! }.Where(f => !f.Exists))
            throw new InputException([$"{file.FullName}: file not found"]);
        return ServerCertificates.Given(certificate.FullName, key!.FullName);
    }

    /// <summary>Until Ctrl+C (the command's token) or SIGTERM, which a service manager or `docker stop` sends.</summary>
    private static async Task WaitForStop(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.TrySetResult();
        });
        using var ctrlC = cancellationToken.Register(() => stop.TrySetResult());
        await stop.Task;
    }
}
