using System.CommandLine;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Commands;

/// <summary>
/// `server configuration list|show|set`, as az names them: list gives every modelled parameter,
/// show one. [FleetSim rule] show without --name lists them all, as it did before list existed.
/// </summary>
internal static class ServerConfigurationCommands
{
    public static Command Create()
    {
        var group = new Command("configuration", "Server parameters: audit_log_enabled, audit_log_events, ...");
        group.Subcommands.Add(List());
        group.Subcommands.Add(Show());
        group.Subcommands.Add(Set());
        return group;
    }

    private static Command Set()
    {
        var cluster = new ClusterTarget();
        var server = ServerChangeCommands.ServerOption("--server-name", "-s");
        var name = new Option<string>("--name", "-n") { Description = "The parameter, e.g. audit_log_enabled.", Required = true };
        var value = new Option<string>("--value") { Description = "Its new value, e.g. ON.", Required = true };
        var set = new Command("set", "Set a server parameter; it applies to the next events.") { server, name, value };
        cluster.AddTo(set);
        set.SetAction((parse, ct) => ServerChangeCommands.Send(parse, cluster,
            new SetConfigurationCommand(parse.GetValue(server)!, parse.GetValue(name)!, parse.GetValue(value)!),
            $"{parse.GetValue(name)} = {parse.GetValue(value)} on '{parse.GetValue(server)}'", ct));
        return set;
    }

    private static Command List()
    {
        var cluster = new ClusterTarget();
        var server = ServerChangeCommands.ServerOption("--server-name", "-s");
        var list = new Command("list", "Every modelled parameter with its value (set, or the default).") { server };
        cluster.AddTo(list);
        list.SetAction((parse, ct) => Print(parse, cluster, parse.GetValue(server)!, null, ct));
        return list;
    }

    private static Command Show()
    {
        var cluster = new ClusterTarget();
        var server = ServerChangeCommands.ServerOption("--server-name", "-s");
        var name = new Option<string?>("--name", "-n") { Description = "The parameter, e.g. audit_log_events (without it: every parameter, as list)." };
        var show = new Command("show", "One server parameter with its value (set, or the default).") { server, name };
        cluster.AddTo(show);
        show.SetAction((parse, ct) => Print(parse, cluster, parse.GetValue(server)!, parse.GetValue(name), ct));
        return show;
    }

    private static Task<int> Print(ParseResult parse, ClusterTarget cluster, string serverName, string? parameter, CancellationToken ct) =>
        CliErrors.Guard(async () =>
        {
            var names = ServerParameters.Known.ToList();
            if (parameter is not null)
            {
                // MariaDB's variable names are case-insensitive.
                var known = names.Find(p => string.Equals(p, parameter, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InputException([$"--name: '{parameter}' is not a server parameter FleetSim models; known: {string.Join(", ", names)}"]);
                names = [known];
            }
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var spec = await ServerChangeCommands.Find(host, serverName);
            new Rows(["name", "value", "source"],
                [.. names.Select(p => (IReadOnlyList<object?>)[p,
                    spec.Configurations.TryGetValue(p, out var v) ? v : ServerParameters.Defaults.GetValueOrDefault(p, "(by SKU)"),
                    spec.Configurations.ContainsKey(p) ? "user" : "default"])]).Write("table", Console.Out);
            return 0;
        });
}
