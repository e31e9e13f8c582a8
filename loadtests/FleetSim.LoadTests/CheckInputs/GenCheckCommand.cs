using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.CheckInputs;

/// <summary>
/// `gen-check`: writes a fleet and an attempts file of a given size for timing `fleetsim check`
/// (README, "Speed"), the same files for the same options and seed.
/// </summary>
public static class GenCheckCommand
{
    public static int Run(string[] args)
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write fleet.json and attempts.jsonl into.", Required = true };
        var servers = new Option<int>("--servers") { Description = "Servers in the fleet (two regions).", DefaultValueFactory = _ => 1000 };
        var minRules = new Option<int>("--min-rules") { Description = "Fewest firewall rules of a server.", DefaultValueFactory = _ => 20 };
        var maxRules = new Option<int>("--max-rules") { Description = "Most firewall rules of a server.", DefaultValueFactory = _ => 128 };
        var attempts = new Option<int>("--attempts") { Description = "Connection attempts, each to a server drawn at random.", DefaultValueFactory = _ => 100_000 };
        var wrongPasswords = new Option<double>("--wrong-passwords") { Description = "Share of attempts with a wrong password.", DefaultValueFactory = _ => 0.1 };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var command = new RootCommand("""
            Writes fleet.json (servers with a random number of firewall rules in [min, max]) and
            attempts.jsonl (logins from addresses inside a rule of their server, some with a wrong
            password) for timing `fleetsim check FLEET ATTEMPTS`.
            """)
        {
            output, servers, minRules, maxRules, attempts, wrongPasswords, seed,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            folder.Create();
            var fleet = Fleet(parse.GetValue(servers), parse.GetValue(minRules), parse.GetValue(maxRules), parse.GetValue(seed));
            var fleetPath = Path.Combine(folder.FullName, "fleet.json");
            using (var file = File.Create(fleetPath))
                JsonSerializer.Serialize(file, fleet, Compact);
            var attemptsPath = Path.Combine(folder.FullName, "attempts.jsonl");
            WriteAttempts(attemptsPath, fleet, parse.GetValue(attempts), parse.GetValue(wrongPasswords), parse.GetValue(seed));
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{fleetPath}: {fleet.Servers.Count:N0} servers, {fleet.Servers.Sum(s => s.FirewallRules.Count) / (double)fleet.Servers.Count:0.0} rules each on average, {new FileInfo(fleetPath).Length / 1e6:0.0} MB"));
            Console.Error.WriteLine($"{attemptsPath}: {parse.GetValue(attempts):N0} attempts");
            return 0;
        });
        return command.Parse(args).Invoke();
    }

    internal static readonly JsonSerializerOptions Compact = new(FleetSpecReader.Options) { WriteIndented = false };

    internal static FleetSpec Fleet(int servers, int minRules, int maxRules, int seed)
    {
        var shape = new FleetGeneratorSpec { ServersPerRegion = (servers + 1) / 2, FirewallRulesPerServer = maxRules };
        var fleet = FleetGenerator.Generate(shape, seed);
        // The generator gives every server the same number of rules; a fleet's servers differ.
        var random = new Random(seed);
        return fleet with
        {
            Servers = [.. fleet.Servers.Take(servers).Select(server => server with { FirewallRules = [.. server.FirewallRules.Take(random.Next(minRules, maxRules + 1))] })],
        };
    }

    internal static void WriteAttempts(string path, FleetSpec fleet, int count, double wrongPasswords, int seed)
    {
        var random = new Random(seed + 1);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++)
        {
            var server = fleet.Servers[random.Next(fleet.Servers.Count)];
            var rule = server.FirewallRules[random.Next(server.FirewallRules.Count)];
            var ip = Ipv4Text(rule.StartIpAddress!, random.Next(256));
            var login = FleetGenerator.ApplicationUserPrefix;
            var password = random.NextDouble() < wrongPasswords ? "wrong-password" : FleetGenerator.Password(server.Name!, login);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $$$"""{"id":"a{{{i}}}","host":"{{{server.Name}}}.mariadb.database.azure.com","user":"{{{login}}}@{{{server.Name}}}","password":"{{{password}}}","tls":"1.2","source":{"ip":"{{{ip}}}"}}"""));
            writer.Write('\n');
        }
    }

    /// <summary>An address inside the rule's /24 (the generator's rules are whole /24 blocks).</summary>
    private static string Ipv4Text(string start, int last) => start[..(start.LastIndexOf('.') + 1)] + last.ToString(CultureInfo.InvariantCulture);
}
