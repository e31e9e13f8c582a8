using System.CommandLine;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Commands;

/// <summary>`server private-endpoint-connection approve|reject`, as az names it; `private-endpoint` is its older, hidden name.</summary>
internal static class PrivateEndpointConnectionCommands
{
    public static Command Create(string name, bool hidden = false)
    {
        var group = new Command(name, "Private endpoint connections: only Approved ones let clients in.") { Hidden = hidden };
        var cluster = new ClusterTarget();
        foreach (var (verb, status) in new[] { ("approve", PrivateEndpointStatus.Approved), ("reject", PrivateEndpointStatus.Rejected) })
        {
            var server = ServerChangeCommands.ServerOption("--server-name", "-s");
            var connection = new Option<string>("--name", "-n") { Description = "The private endpoint connection's name.", Required = true };
            var command = new Command(verb, $"Set a private endpoint connection to {status}.") { server, connection };
            cluster.AddTo(command);
            command.SetAction((parse, ct) => ServerChangeCommands.Send(parse, cluster,
                new SetPrivateEndpointConnectionStatusCommand(parse.GetValue(server)!, parse.GetValue(connection)!, status),
                $"private endpoint connection '{parse.GetValue(connection)}' on '{parse.GetValue(server)}' is {status}", ct));
            group.Subcommands.Add(command);
        }
        return group;
    }
}
