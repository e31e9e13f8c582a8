using System.CommandLine;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Commands;

/// <summary>`server firewall-rule|vnet-rule create|delete|list`; rule names compare in any case, as the service's do.</summary>
internal static class ServerRuleCommands
{
    public static Command FirewallRules()
    {
        var start = new Option<string>("--start-ip-address") { Description = "First IPv4 address of the range.", Required = true };
        var end = new Option<string>("--end-ip-address") { Description = "Last IPv4 address (0.0.0.0 - 0.0.0.0 allows Azure services).", Required = true };
        return Group("firewall-rule", "The server's IP firewall rules (default deny; at most 128).",
            s => s.FirewallRules, ["name", "startIpAddress", "endIpAddress"], r => [r.Name, r.StartIpAddress, r.EndIpAddress],
            [start, end],
            (parse, server, name) => new CreateOrUpdateFirewallRuleCommand(server, new FirewallRuleSpec { Name = name, StartIpAddress = parse.GetValue(start), EndIpAddress = parse.GetValue(end) }),
            (server, name) => new DeleteFirewallRuleCommand(server, name), "firewall rule");
    }

    public static Command VirtualNetworkRules()
    {
        var subnet = new Option<string>("--subnet") { Description = "The subnet's ARM id: <vnet id>/subnets/<name>.", Required = true };
        var ignore = new Option<bool>("--ignore-missing-endpoint") { Description = "Create it before the subnet has the Microsoft.Sql endpoint (it admits nothing until then)." };
        return Group("vnet-rule", "Virtual network rules: admit a subnet's Microsoft.Sql service-endpoint traffic (not on Basic).",
            s => s.VirtualNetworkRules, ["name", "virtualNetworkSubnetId", "ignoreMissingVnetServiceEndpoint"], r => [r.Name, r.VirtualNetworkSubnetId, r.IgnoreMissingVnetServiceEndpoint.ToString()],
            [subnet, ignore],
            (parse, server, name) => new CreateOrUpdateVirtualNetworkRuleCommand(server, new VirtualNetworkRuleSpec { Name = name, VirtualNetworkSubnetId = parse.GetValue(subnet), IgnoreMissingVnetServiceEndpoint = parse.GetValue(ignore) }),
            (server, name) => new DeleteVirtualNetworkRuleCommand(server, name), "virtual network rule");
    }

    private static Command Group<T>(string group, string description, Func<ServerSpec, List<T>> rulesOf,
        string[] columns, Func<T, object?[]> row, Option[] fields,
        Func<ParseResult, string, string, ServerCommand> put, Func<string, string, ServerCommand> delete, string noun)
    {
        var command = new Command(group, description);
        var cluster = new ClusterTarget();

        var server = ServerChangeCommands.ServerOption("--server-name", "-s");
        var name = new Option<string>("--name", "-n") { Description = "The rule's name.", Required = true };
        var create = new Command("create", "Create a rule, or replace the rule of that name.") { server, name };
        foreach (var field in fields)
            create.Options.Add(field);
        cluster.AddTo(create);
        create.SetAction((parse, ct) => ServerChangeCommands.Send(parse, cluster, put(parse, parse.GetValue(server)!, parse.GetValue(name)!),
            $"{noun} '{parse.GetValue(name)}' created on '{parse.GetValue(server)}'", ct));

        var deleteServer = ServerChangeCommands.ServerOption("--server-name", "-s");
        var deleteName = new Option<string>("--name", "-n") { Description = "The rule's name.", Required = true };
        var deleteCommand = new Command("delete", "Delete a rule.") { deleteServer, deleteName };
        cluster.AddTo(deleteCommand);
        deleteCommand.SetAction((parse, ct) => ServerChangeCommands.Send(parse, cluster, delete(parse.GetValue(deleteServer)!, parse.GetValue(deleteName)!),
            $"{noun} '{parse.GetValue(deleteName)}' deleted from '{parse.GetValue(deleteServer)}'", ct));

        var listServer = ServerChangeCommands.ServerOption("--server-name", "-s");
        var list = new Command("list", "List the server's rules.") { listServer };
        cluster.AddTo(list);
        list.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var spec = await ServerChangeCommands.Find(host, parse.GetValue(listServer)!);
            new Rows(columns, [.. rulesOf(spec).Select(r => (IReadOnlyList<object?>)row(r))]).Write("table", Console.Out);
            return 0;
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(deleteCommand);
        command.Subcommands.Add(list);
        return command;
    }
}
