using System.CommandLine;
using System.Globalization;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Scale;

/// <summary>
/// `scale`: connections per second and memory per server as the fleet grows (servers) and as each
/// server's firewall grows (rules), measured in one run and drawn as two curves. Exit codes: 0
/// measured, 2 bad input.
/// </summary>
public static class ScaleCommand
{
    public static int Run(string[] args)
    {
        var servers = new Option<string?>("--servers") { Description = "Fleet sizes of the servers curve, comma-separated (default 1000,10000,100000)." };
        var rules = new Option<string?>("--rules") { Description = "Rules per server of the rules curve, comma-separated (default 1,16,128)." };
        var rulesServers = new Option<int?>("--rules-servers") { Description = "Servers in each fleet of the rules curve (default 10000)." };
        var duration = new Option<string?>("--duration") { Description = "Length of each measured round (default 5s)." };
        var rounds = new Option<int?>("--rounds") { Description = "Rounds per point; the median is reported (default 3)." };
        var quick = new Option<bool>("--quick") { Description = "Tiny fleets and 1 s rounds: proves the verb in seconds; the figures mean little." };
        var output = new Option<string?>("--out") { Description = "Folder for scale.md, scale.json and the PNGs. Default: reports/scale-<time>." };
        var command = new RootCommand("""
            Cost curves: connections per second (beside the engine floor, measured on the same silo) and
            memory per provisioned server, at several fleet sizes (16 rules per server) and several
            rules per server (10,000 servers), each fleet on a silo of its own.
            """)
        {
            servers, rules, rulesServers, duration, rounds, quick, output,
        };
        command.SetAction(async (parse, _) =>
        {
            var folder = parse.GetValue(output) ?? Path.Combine("reports", $"scale-{DateTime.Now:yyyyMMdd-HHmmss}");
            var options = parse.GetValue(quick) ? ScaleOptions.Quick(folder) : ScaleOptions.Full(folder);
            var errors = new List<string>();
            if (parse.GetValue(servers) is { } s)
                options = options with { Servers = Sizes("--servers", s, 2, 1_000_000, errors) };
            if (parse.GetValue(rules) is { } r)
                options = options with { Rules = Sizes("--rules", r, 1, 128, errors) };
            if (parse.GetValue(rulesServers) is { } n)
                options = n is >= 2 and <= 1_000_000 ? options with { ServersOfRulesCurve = n } : Refused(options, errors, $"--rules-servers: {n} is not from 2 to 1,000,000");
            if (parse.GetValue(duration) is { } d)
                options = Durations.TryParse(d, out var length) && length > TimeSpan.Zero ? options with { Duration = length } : Refused(options, errors, $"--duration: '{d}' is not {Durations.Format}");
            if (parse.GetValue(rounds) is { } k)
                options = k >= 1 ? options with { Rounds = k } : Refused(options, errors, $"--rounds: {k} is not at least 1");
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                    Console.Error.WriteLine($"error: {error}");
                return 2;
            }
            try
            {
                var points = await new ScaleRun(options).RunAsync();
                ScaleReport.Write(points, options, string.Join(' ', args.Prepend("scale")));
                return 0;
            }
            catch (FleetSpecException e)
            {
                foreach (var error in e.Errors)
                    Console.Error.WriteLine($"error: {e.SourceName}: {error}");
                return 2;
            }
        });
        return command.Parse(args).Invoke();
    }

    private static List<int> Sizes(string option, string text, int min, int max, List<string> errors)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= min && size <= max)
                sizes.Add(size);
            else
                errors.Add(FormattableString.Invariant($"{option}: '{part}' is not a number from {min:N0} to {max:N0}"));
        }
        return sizes;
    }

    private static ScaleOptions Refused(ScaleOptions options, List<string> errors, string error)
    {
        errors.Add(error);
        return options;
    }
}
