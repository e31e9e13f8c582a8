using System.CommandLine;
using System.Text.Json;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Fleet;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

/// <summary>
/// Managing the fleet of a running cluster: `fleet apply|export`, `server list|show`. They talk to
/// the cluster named by --gateway or --cluster (default: ./silo.json).
/// </summary>
public static class FleetCommand
{
    public static Command Create()
    {
        var fleet = new Command("fleet", "Apply a fleet document to a running cluster, or export the one it runs.");
        fleet.Subcommands.Add(Apply());
        fleet.Subcommands.Add(Export());
        return fleet;
    }

    public static Command Servers()
    {
        var server = new Command("server", "The servers of a running cluster, as `az mariadb server ...`: list, show, create, update, delete, stop, start, restore, firewall-rule, vnet-rule, private-endpoint-connection, configuration, key.");
        var cluster = new ClusterTarget();
        var list = new Command("list", "One line per server: region, SKU, state, public network access, rules, open connections.");
        cluster.AddTo(list);
        var format = new Option<string>("--format") { Description = $"Output: {Rows.Formats}.", DefaultValueFactory = _ => "table" };
        list.Options.Add(format);
        list.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, cancellationToken);
            var spec = await host.Directory.GetFleet();
            var statuses = await Task.WhenAll(spec.Servers.Select(s => host.Grains.GetGrain<IServerGrain>(s.Name!).GetStatus()));
            new Rows(["name", "region", "sku", "state", "publicNetworkAccess", "firewallRules", "virtualNetworkRules", "openConnections", "maxConnections"],
                [.. spec.Servers.Zip(statuses).Select(x => (IReadOnlyList<object?>)[x.First.Name, x.First.Region, x.First.Sku, x.Second.State,
                    x.First.PublicNetworkAccess, x.First.FirewallRules.Count, x.First.VirtualNetworkRules.Count, x.Second.OpenConnections, x.Second.MaxConnections])])
                .Write(parse.GetValue(format)!, Console.Out);
            return 0;
        }));

        var show = new Command("show", "A server's configuration (without its password) and status, as JSON.");
        var name = new Option<string>("--name", "-n") { Description = "The server's name.", Required = true };
        show.Options.Add(name);
        cluster.AddTo(show);
        show.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, cancellationToken);
            var server = await ServerChangeCommands.Find(host, parse.GetValue(name)!);
            var status = await host.Grains.GetGrain<IServerGrain>(server.Name!).GetStatus();
            Console.Out.WriteLine(JsonSerializer.Serialize(WithoutSecrets(server), FleetSpecReader.Options));
            Console.Out.WriteLine($"// state {status.State}, {status.OpenConnections} of {status.MaxConnections} connections open");
            if (status.PendingRulesApplyAt is { } pending)
                Console.Out.WriteLine($"// firewall and virtual network rule changes pending: they apply at {pending:u} (ruleChangeDelay); until then the rules above are not all in force");
            return 0;
        }));

        server.Subcommands.Add(list);
        server.Subcommands.Add(show);
        foreach (var change in ServerChangeCommands.Create())
            server.Subcommands.Add(change);
        return server;
    }

    private static Command Apply()
    {
        var file = new Argument<FileInfo>("FLEET") { Description = "The fleet document to converge the cluster to." };
        var cluster = new ClusterTarget();
        var command = new Command("apply", """
            Make the cluster's fleet match the document: servers are created, changed or removed, and
            what changed is printed. Declarative and idempotent: applying the same document twice
            changes nothing the second time. A bad document changes nothing (exit code 2).
            With --what-if nothing changes: what would be created, changed (setting by setting,
            firewall rule by firewall rule) and removed is printed, and with --traffic each attempt
            whose decision would change, as `fleetsim whatif` prints it.
            """) { file };
        var whatIf = new Option<bool>("--what-if") { Description = "Show what applying would change, and change nothing." };
        var traffic = new Option<string?>("--traffic") { Description = "With --what-if: attempts (a file) or an audit store's gateway log to decide under the running fleet and the document." };
        command.Options.Add(whatIf);
        command.Options.Add(traffic);
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            if (parse.GetValue(traffic) is not null && !parse.GetValue(whatIf))
                throw new InputException(["--traffic: only with --what-if (applying does not replay traffic)"]);
            var spec = FleetSpecReader.ReadFile(parse.GetValue(file)!.FullName);
            await using var host = await cluster.OpenRunningAsync(parse, cancellationToken);
            if (parse.GetValue(whatIf))
                return await FleetWhatIf.PrintAsync(await host.Directory.GetFleet(), spec, parse.GetValue(traffic), cancellationToken);
            var result = await host.ProvisionAsync(spec);
            if (!result.Succeeded)
                throw new InputException(result.Errors);
            foreach (var created in result.CreatedServers)
                Console.Out.WriteLine($"+ created  {created}");
            foreach (var changed in result.ChangedServers)
                Console.Out.WriteLine($"~ changed  {changed}");
            foreach (var removed in result.RemovedServers)
                Console.Out.WriteLine($"- removed  {removed}");
            var unchanged = spec.Servers.Count - result.CreatedServers.Count - result.ChangedServers.Count;
            Console.Out.WriteLine($"fleet version {result.Version}: {result.CreatedServers.Count} created, {result.ChangedServers.Count} changed, {result.RemovedServers.Count} removed, {unchanged} unchanged");
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var output = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var cluster = new ClusterTarget();
        var command = new Command("export", "Print the fleet document the cluster runs. Passwords are never exported.") { output };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, cancellationToken);
            var spec = await host.Directory.GetFleet();
            var json = JsonSerializer.Serialize(spec with { Servers = [.. spec.Servers.Select(WithoutSecrets)] }, FleetSpecReader.Options);
            if (parse.GetValue(output) is { } path)
                File.WriteAllText(path, json + Environment.NewLine);
            else
                Console.Out.WriteLine(json);
            Console.Error.WriteLine("passwords are not exported: add administratorLoginPassword and users' passwords before applying this document");
            return 0;
        }));
        return command;
    }

    /// <summary>Neither passwords nor their hashes leave the cluster, as the service shows neither.</summary>
    private static ServerSpec WithoutSecrets(ServerSpec server) => StoredPasswords.Without(server);
}
