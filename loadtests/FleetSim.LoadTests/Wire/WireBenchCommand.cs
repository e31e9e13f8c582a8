using System.CommandLine;
using FleetSim.Wire.Tls;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// `wire`: connections per second through FleetSim's gateway listener and through a real MariaDB
/// server started for the run, from the same clients, side by side. Exit codes: 0 measured, 1 some
/// connections failed, 2 bad input, 3 no real MariaDB server (or no mariadb-slap) could be had.
/// </summary>
public static class WireBenchCommand
{
    public static int Run(string[] args)
    {
        var seconds = new Option<double>("--seconds") { Description = "Measured seconds per cell (one client against one server), split over the rounds.", DefaultValueFactory = _ => 8 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds per cell; the two servers' rounds alternate.", DefaultValueFactory = _ => 2 };
        var concurrency = new Option<int>("--concurrency") { Description = "Clients connecting at once.", DefaultValueFactory = _ => 16 };
        var fleetSimOnly = new Option<bool>("--fleetsim-only") { Description = "Measure FleetSim alone: no real MariaDB server, no ratios (needs only mariadb-slap, package mariadb-client)." };
        var output = new Option<string?>("--out") { Description = "Folder for wire.md and wire.json. Default: reports/wire-<time>." };
        var command = new RootCommand("""
            Connections per second (connect, select 1, disconnect; 16 clients, no pooling) through
            FleetSim's gateway listener and through a real MariaDB server (Debian's mariadbd, installed
            with apt-get when missing and running as root, started on a free loopback port with the
            same certificate and key), side by side in one run: MySqlConnector without and with TLS,
            and mariadb-slap --detach=1 without TLS; with the client's CPU per connection and the ratio
            FleetSim / MariaDB. Takes about 90 s with the defaults.
            """)
        {
            seconds, rounds, concurrency, fleetSimOnly, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var errors = new List<string>();
            if (parse.GetValue(seconds) is not (> 0 and <= 3600))
                errors.Add($"--seconds: {parse.GetValue(seconds)} is not a number of seconds from 0 to 3600");
            if (parse.GetValue(rounds) is not (>= 1 and <= 100))
                errors.Add($"--rounds: {parse.GetValue(rounds)} is not from 1 to 100");
            if (parse.GetValue(concurrency) is not (>= 1 and <= 1000))
                errors.Add($"--concurrency: {parse.GetValue(concurrency)} is not from 1 to 1000");
            foreach (var error in errors)
                Console.Error.WriteLine($"error: {error}");
            if (errors.Count > 0)
                return 2;
            var options = new WireBenchOptions(parse.GetValue(seconds), parse.GetValue(rounds), parse.GetValue(concurrency), parse.GetValue(fleetSimOnly),
                parse.GetValue(output) ?? Path.Combine("reports", $"wire-{DateTime.Now:yyyyMMdd-HHmmss}"), string.Join(' ', args.Prepend("wire")));
            return await RunAsync(options, cancellationToken);
        });
        return command.Parse(args).Invoke();
    }

    private static async Task<int> RunAsync(WireBenchOptions options, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var loadBefore = WireRunFacts.LoadAverage();
        var folder = Directory.CreateTempSubdirectory("fleetsim-wire-bench-").FullName;
        RealMariaDb? mariaDb = null;
        FleetSimGateway? fleetSim = null;
        try
        {
            // One certificate and key for both servers: the TLS handshakes cost the same on each side.
            var certificates = ServerCertificates.InFolder(Path.Combine(folder, "tls"));
            string? slap;
            if (options.FleetSimOnly)
            {
                slap = MariaDbPrograms.FindSlap();
                if (slap is null)
                    return Unavailable("mariadb-slap is not installed: apt-get install mariadb-client");
            }
            else
            {
                var programs = await MariaDbPrograms.FindOrInstallAsync(cancellationToken);
                slap = programs.Slap;
                mariaDb = await RealMariaDb.StartAsync(programs, certificates, WireBenchOptions.SlapDatabase, cancellationToken);
                Console.Error.WriteLine($"MariaDB {mariaDb.Version} at {mariaDb.Target.Endpoint}");
            }
            fleetSim = await FleetSimGateway.StartAsync(certificates, cancellationToken);
            Console.Error.WriteLine($"FleetSim gateway listener at {fleetSim.Target.Endpoint}; load average {loadBefore}");

            var comparisons = await new WireBenchRun(options, mariaDb?.Target, fleetSim.Target, slap).RunAsync(cancellationToken);
            WireReport.Write(comparisons, options, new WireRunFacts(started, mariaDb?.Version, loadBefore, WireRunFacts.LoadAverage()));
            if (comparisons.Any(c => c.Errors > 0))
            {
                Console.Error.WriteLine("error: some connections failed (the 'failed' column); their figures undercount the server");
                return 1;
            }
            return 0;
        }
        catch (MariaDbUnavailableException e)
        {
            return Unavailable(e.Message);
        }
        finally
        {
            if (fleetSim is not null)
                await fleetSim.DisposeAsync();
            if (mariaDb is not null)
                await mariaDb.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Unavailable(string message)
    {
        Console.Error.WriteLine($"error: no real MariaDB server for the baseline: {message}");
        return 3;
    }
}
