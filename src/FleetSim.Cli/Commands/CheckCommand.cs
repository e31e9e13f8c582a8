using System.CommandLine;
using FleetSim.Cli.Attempts;
using FleetSim.Hosting;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo>("FLEET") { Description = "The fleet specification (JSON): regions, virtual networks, servers." };
        var attempts = new Argument<FileInfo>("ATTEMPTS") { Description = "Connection attempts, one JSON object a line (see samples/*.jsonl)." };
        var verbose = new Option<bool>("--verbose") { Description = "Show the embedded silo's log on standard error." };
        var command = new Command("check", """
            Provision a fleet on an embedded silo, send every attempt through its regional gateway,
            and print one JSON line per attempt, in input order:
              {"id":"a1","allowed":false,"reason":"FirewallDenied","code":9000,"message":"...","rule":null,"server":"contoso","gateway":"40.71.8.203"}
            Attempts to the same server are decided in file order; held connections ("hold": true)
            stay open until the end, so they count towards max_connections.
            Exit codes: 0 done, 2 bad fleet or attempts file (every problem is listed).
            """)
        {
            fleet, attempts, verbose,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var spec = FleetSpecReader.ReadFile(parse.GetValue(fleet)!.FullName);
            var file = AttemptFile.Read(parse.GetValue(attempts)!.FullName, spec);
            await using var silo = await EmbeddedSilo.StartAsync(parse.GetValue(verbose), cancellationToken: cancellationToken);
            var provisioned = await silo.ProvisionAsync(spec);
            if (!provisioned.Succeeded)
                throw new InputException(provisioned.Errors);
            var results = await new CheckRunner(silo, provisioned.Version).RunAsync(file.Attempts, cancellationToken);
            using var stdout = Console.OpenStandardOutput();
            CheckRunner.Print(file.Attempts, results, stdout);
            return 0;
        }));
        return command;
    }
}
