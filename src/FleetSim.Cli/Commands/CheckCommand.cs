using System.CommandLine;
using FleetSim.AuditStore;
using FleetSim.Client.Attempts;
using FleetSim.Cli.Modelling;
using FleetSim.Cli.Output;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo>("FLEET") { Description = "The fleet specification (JSON): regions, virtual networks, servers." };
        var attempts = new Argument<FileInfo>("ATTEMPTS") { Description = "Connection attempts, one JSON object a line (see samples/*.jsonl)." };
        var store = new Option<string?>("--store") { Description = "The audit store (SQLite file) to write: server audit logs, gateway connection log, alerts. Default: scratch space in the temporary folder, deleted when the command ends." };
        var verbose = new Option<bool>("--verbose") { Description = "Show the embedded silo's log on standard error." };
        var cluster = new ClusterTarget();
        var keepFleet = new Option<bool>("--keep-fleet") { Description = "With --gateway/--cluster: replay the attempts against the fleet the cluster runs, without provisioning FLEET (used only to check the attempts)." };
        var command = new Command("check", """
            Provision a fleet on an embedded silo, send every attempt through its regional gateway,
            and print one JSON line per attempt, in input order:
              {"id":"a1","allowed":false,"reason":"FirewallDenied","code":9000,"message":"...","rule":null,"server":"contoso","gateway":"40.71.8.203"}
            then one line per security alert raised by threat protection:
              {"alert":"SQL.MariaDB_BruteForce","severity":"Medium","server":"contoso","ip":"198.51.100.7","user":"dbadmin","at":"..."}
            Attempts to the same server are decided in file order; held connections ("hold": true)
            stay open until the end, so they count towards max_connections. An attempt may carry
            "at" (the simulated time) and "statements" (SQL run in the session). Everything is
            written to the audit store: query it with `fleetsim audit query --store PATH`.
            Exit codes: 0 done, 2 bad fleet or attempts file (every problem is listed).
            """)
        {
            fleet, attempts, store, verbose, keepFleet,
        };
        cluster.AddWithDurabilityTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var phases = new PhaseClock();
            // Without --store the audit store is scratch: read for the alerts below, then deleted.
            using var scratch = parse.GetValue(store) is null ? new ScratchStore() : null;
            var storePath = parse.GetValue(store) ?? scratch!.Path;
            // An embedded silo starts while the files are read (seconds for a large fleet); a
            // running cluster is reached only once they are known to be good.
            var starting = cluster.IsEmbedded(parse) ? cluster.OpenAsync(parse, storePath, parse.GetValue(verbose), cancellationToken) : null;
            FleetSpec spec;
            AttemptFile file;
            try
            {
                spec = FleetSpecReader.ReadFile(parse.GetValue(fleet)!.FullName);
                phases.Lap("read fleet");
                file = AttemptFile.Read(parse.GetValue(attempts)!.FullName, spec);
                phases.Lap("read attempts");
            }
            catch when (starting is not null)
            {
                await StopQuietly(starting);
                throw;
            }
            var host = await (starting ?? cluster.OpenAsync(parse, storePath, parse.GetValue(verbose), cancellationToken));
            phases.Lap("start silo");
            Policy.Threats.SecurityAlert[] alerts = [];
            Contracts.Connections.ConnectResult[] results;
            try
            {
                long version = 0;
                if (!parse.GetValue(keepFleet) || host is EmbeddedSilo)
                {
                    var provisioned = await host.ProvisionAsync(spec);
                    if (!provisioned.Succeeded)
                        throw new InputException(provisioned.Errors);
                    version = provisioned.Version;
                }
                phases.Lap("provision");
                results = await new CheckRunner(host, version).RunAsync(file.Attempts, cancellationToken);
                phases.Lap("attempts");
                // A running cluster keeps running: its audit pipeline is flushed on request. An
                // embedded silo flushes every outbox and sink as it stops, just below.
                if (host is RemoteCluster)
                    await host.Directory.FlushAudit();
            }
            finally
            {
                await host.DisposeAsync();
                phases.Lap("stop silo");
            }
            storePath = host.AuditStore ?? storePath;
            if (host.AuditStore is not null)
            {
                await using var reader = AuditStores.Open(storePath, forQueries: true);
                alerts = [.. await reader.AlertsAsync(new AuditQuery { Limit = int.MaxValue }, cancellationToken)];
            }
            else
            {
                Console.Error.WriteLine("alerts: the cluster's audit store is not known here (use --cluster silo.json to name it)");
            }

            phases.Lap("read alerts");
            var modelled = spec.Model is { } model ? ModelledCheck.Run(spec, model, file.Attempts, results) : null;
            using var stdout = Console.OpenStandardOutput();
            CheckRunner.Print(file.Attempts, modelled?.Results ?? results, stdout, modelled?.Latencies);
            CheckRunner.PrintAlerts(alerts.OrderBy(a => a.At).ThenBy(a => a.Server, StringComparer.Ordinal), stdout);
            phases.Lap("print");
            if (modelled is not null)
                Console.Error.WriteLine(ModelSummary.Line(modelled, file.Attempts));
            if (scratch is not null && host is EmbeddedSilo)
                Console.Error.WriteLine("audit store: scratch, deleted on exit (keep it with --store PATH)");
            else if (scratch is not null && host.AuditStore is not null)
                Console.Error.WriteLine($"audit store: {AuditStores.Display(storePath)}");
            return 0;
        }));
        return command;
    }

    /// <summary>A silo started for input that turned out bad: stopped, whatever its start came to, so the input's errors are what is reported.</summary>
    private static async Task StopQuietly(Task<IFleetHost> starting)
    {
        try
        {
            await (await starting).DisposeAsync();
        }
#pragma warning disable CA1031 // The input's errors are the ones to report.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
