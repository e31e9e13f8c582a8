using System.CommandLine;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Hosting;
using FleetSim.Policy;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Commands;

/// <summary>
/// The `server ...` verbs that change a server, named as `az mariadb server ...`. Each is one
/// command the cluster's fleet directory applies to the fleet as it is at that moment, so changes
/// made at once all land; the resulting fleet gets the same validation and the same refusals as
/// `fleet apply`, and only the server changed is provisioned again.
/// </summary>
public static class ServerChangeCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return State("stop", ServerState.Stopped, "Stop a server: connections are refused until it starts again.");
        yield return State("start", ServerState.Ready, "Start a stopped server.");
        yield return ServerRuleCommands.FirewallRules();
        yield return ServerRuleCommands.VirtualNetworkRules();
        yield return PrivateEndpointConnectionCommands.Create("private-endpoint-connection");
        yield return PrivateEndpointConnectionCommands.Create("private-endpoint", hidden: true);
        yield return ServerConfigurationCommands.Create();
        yield return Key();
        yield return Restore();
        yield return CreateServer();
        yield return UpdateServer();
        yield return DeleteServer();
    }

    private static Command Key()
    {
        var group = new Command("key", "The server's customer-managed key (dataEncryption).");
        var cluster = new ClusterTarget();
        var name = ServerOption("--name", "-n");
        var revalidate = new Command("revalidate", """
            Bring back a server that became Inaccessible when its customer-managed key was revoked or
            deleted, once access to the key is restored (state Enabled in its key vault).
            """) { name };
        cluster.AddTo(revalidate);
        revalidate.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var server = await Find(host, parse.GetValue(name)!);
            var refusal = await host.Grains.GetGrain<IServerGrain>(server.Name!).RevalidateKey();
            if (refusal is not null)
                throw new InputException([refusal]);
            Console.Out.WriteLine($"server '{server.Name}' revalidated its key");
            return 0;
        }));
        group.Subcommands.Add(revalidate);
        return group;
    }

    private static Command Restore()
    {
        var cluster = new ClusterTarget();
        var source = new Option<string>("--source-server") { Description = "The server whose backup to restore.", Required = true };
        var name = new Option<string>("--name", "-n") { Description = "The new server's name.", Required = true };
        var pointInTime = new Option<string?>("--restore-point-in-time") { Description = "Restore the state in force at this time (ISO 8601); default: the latest backup." };
        var command = new Command("restore", """
            Create a new server from a backup of another, as the real service's point-in-time
            restore does: same region, SKU, administrator login and password, users, grants and
            server parameters as at that time. Firewall rules, virtual network rules and private
            endpoint connections are not carried over: set them on the new server.
            """) { source, name, pointInTime };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            DateTimeOffset? at = null;
            if (parse.GetValue(pointInTime) is { } text)
                at = DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
                    ? t : throw new InputException([$"--restore-point-in-time: '{text}' is not a time such as 2026-11-28T10:00:00Z"]);
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var restored = await host.Directory.Restore(new RestoreServerCommand(parse.GetValue(name)!, parse.GetValue(source)!, at));
            if (!restored.Provisioned.Succeeded)
                throw new InputException(restored.Provisioned.Errors);
            Console.Out.WriteLine($"server '{parse.GetValue(name)}' restored from '{parse.GetValue(source)}' as of {restored.BackupTakenAt:u}; add its firewall rules to let clients in");
            return 0;
        }));
        return command;
    }

    private static Command CreateServer()
    {
        var cluster = new ClusterTarget();
        var name = new Option<string>("--name", "-n") { Description = "The server's name (3-63 of a-z, 0-9, -).", Required = true };
        var region = new Option<string>("--location", "-l") { Description = "The region (one of the fleet's).", Required = true };
        var sku = new Option<string>("--sku-name") { Description = "B_Gen5_1, GP_Gen5_4, MO_Gen5_8, ...", DefaultValueFactory = _ => "GP_Gen5_2" };
        var admin = new Option<string>("--admin-user", "-u") { Description = "The administrator login (set once, never changes).", Required = true };
        var password = new Option<string>("--admin-password", "-p") { Description = "8-128 characters from at least 3 of: upper, lower, digits, symbols. Only its hash is kept.", Required = true };
        var command = new Command("create", "Create a server: TLS enforced, public access enabled, no firewall rules (deny all).") { name, region, sku, admin, password };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => Send(parse, cluster, new CreateServerCommand(new ServerSpec
        {
            Name = parse.GetValue(name), Region = parse.GetValue(region), Sku = parse.GetValue(sku),
            AdministratorLogin = parse.GetValue(admin), AdministratorLoginPassword = parse.GetValue(password),
        }), $"server '{parse.GetValue(name)}' created", ct));
        return command;
    }

    private static Command UpdateServer()
    {
        var cluster = new ClusterTarget();
        var name = ServerOption("--name", "-n");
        var sku = new Option<string?>("--sku-name") { Description = "A new compute size (not to or from Basic)." };
        var ssl = new Option<string?>("--ssl-enforcement") { Description = "Enabled or Disabled." };
        var tls = new Option<string?>("--minimal-tls-version") { Description = "TLS1_0, TLS1_1, TLS1_2 (cannot go back to TLSEnforcementDisabled)." };
        var publicAccess = new Option<string?>("--public-network-access") { Description = "Enabled or Disabled." };
        var command = new Command("update", "Change a server's size or security settings.") { name, sku, ssl, tls, publicAccess };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => Send(parse, cluster,
            new UpdateServerCommand(parse.GetValue(name)!, parse.GetValue(sku), parse.GetValue(ssl), parse.GetValue(tls), parse.GetValue(publicAccess)),
            $"server '{parse.GetValue(name)}' updated", ct));
        return command;
    }

    private static Command DeleteServer()
    {
        var cluster = new ClusterTarget();
        var name = ServerOption("--name", "-n");
        var command = new Command("delete", "Delete a server: its sessions end, later connections get 9002.") { name };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => Send(parse, cluster, new DeleteServerCommand(parse.GetValue(name)!), $"server '{parse.GetValue(name)}' deleted", ct));
        return command;
    }

    private static Command State(string verb, ServerState state, string description)
    {
        var server = ServerOption("--name", "-n");
        var cluster = new ClusterTarget();
        var command = new Command(verb, description) { server };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => Send(parse, cluster, new SetServerStateCommand(parse.GetValue(server)!, state),
            $"server '{parse.GetValue(server)}' is {state}", ct));
        return command;
    }

    internal static Option<string> ServerOption(string name, string alias) =>
        new(name, alias) { Description = "The server's name.", Required = true };

    /// <summary>A server of the cluster's fleet, by name in any case; bad input naming the server when there is none.</summary>
    internal static async Task<ServerSpec> Find(IFleetHost host, string server) =>
        (await host.Directory.GetFleet()).Servers.FirstOrDefault(s => ResourceNames.Same(s.Name, server))
            ?? throw new InputException([$"no server '{server}' in the fleet (fleetsim server list)"]);

    /// <summary>Sends one change to the cluster's fleet directory; its refusals are bad input (exit code 2).</summary>
    internal static Task<int> Send(ParseResult parse, ClusterTarget cluster, ServerCommand command, string done, CancellationToken ct) =>
        CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var result = await host.Directory.Change(command);
            if (!result.Succeeded)
                throw new InputException(result.Errors);
            Console.Out.WriteLine($"{done} (fleet version {result.Version})");
            return 0;
        });
}
