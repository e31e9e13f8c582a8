using System.CommandLine;
using System.Text.Json;
using FleetSim.Cli.Output;
using FleetSim.Contracts.Fleet;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

/// <summary>
/// `server stop|start`, `server firewall-rule create|delete|list`, `server configuration set|show`,
/// named as `az mariadb server ...`. Each change is applied to the cluster's fleet document and
/// provisioned, so it gets the same validation and the same refusals as `fleet apply`.
/// </summary>
public static class ServerChangeCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return State("stop", "Stopped", "Stop a server: connections are refused until it starts again.");
        yield return State("start", "Ready", "Start a stopped server.");
        yield return FirewallRules();
        yield return VirtualNetworkRules();
        yield return PrivateEndpoints();
        yield return Configurations();
        yield return Key();
        yield return Restore();
        yield return CreateServer();
        yield return UpdateServer();
        yield return DeleteServer();
    }

    private static Command FirewallRules()
    {
        var start = new Option<string>("--start-ip-address") { Description = "First IPv4 address of the range.", Required = true };
        var end = new Option<string>("--end-ip-address") { Description = "Last IPv4 address (0.0.0.0 - 0.0.0.0 allows Azure services).", Required = true };
        return RuleGroup("firewall-rule", "The server's IP firewall rules (default deny; at most 128).", "firewall rule",
            s => s.FirewallRules, (s, rules) => s with { FirewallRules = rules }, r => r.Name,
            ["name", "startIpAddress", "endIpAddress"], r => [r.Name, r.StartIpAddress, r.EndIpAddress],
            [start, end], (parse, name) => new FirewallRuleSpec { Name = name, StartIpAddress = parse.GetValue(start), EndIpAddress = parse.GetValue(end) });
    }

    private static Command VirtualNetworkRules()
    {
        var subnet = new Option<string>("--subnet") { Description = "The subnet's ARM id: <vnet id>/subnets/<name>.", Required = true };
        var ignore = new Option<bool>("--ignore-missing-endpoint") { Description = "Create it before the subnet has the Microsoft.Sql endpoint (it admits nothing until then)." };
        return RuleGroup("vnet-rule", "Virtual network rules: admit a subnet's Microsoft.Sql service-endpoint traffic (not on Basic).", "virtual network rule",
            s => s.VirtualNetworkRules, (s, rules) => s with { VirtualNetworkRules = rules }, r => r.Name,
            ["name", "virtualNetworkSubnetId", "ignoreMissingVnetServiceEndpoint"], r => [r.Name, r.VirtualNetworkSubnetId, r.IgnoreMissingVnetServiceEndpoint.ToString()],
            [subnet, ignore], (parse, name) => new VirtualNetworkRuleSpec { Name = name, VirtualNetworkSubnetId = parse.GetValue(subnet), IgnoreMissingVnetServiceEndpoint = parse.GetValue(ignore) });
    }

    /// <summary>create|delete|list for a kind of named rule on a server; names compare case-insensitively, as the service's do.</summary>
    private static Command RuleGroup<T>(string group, string description, string noun,
        Func<ServerSpec, List<T>> rulesOf, Func<ServerSpec, List<T>, ServerSpec> withRules, Func<T, string?> nameOf,
        string[] columns, Func<T, object?[]> row, Option[] fields, Func<ParseResult, string, T> build)
    {
        var command = new Command(group, description);
        var cluster = new ClusterTarget();
        bool Named(T rule, string? name) => string.Equals(nameOf(rule), name, StringComparison.OrdinalIgnoreCase);

        var server = ServerOption("--server-name", "-s");
        var name = new Option<string>("--name", "-n") { Description = "The rule's name.", Required = true };
        var create = new Command("create", "Create or replace a rule.") { server, name };
        foreach (var field in fields)
            create.Options.Add(field);
        cluster.AddTo(create);
        create.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(server)!, s =>
            withRules(s, [.. rulesOf(s).Where(r => !Named(r, parse.GetValue(name))), build(parse, parse.GetValue(name)!)]),
            $"{noun} '{parse.GetValue(name)}' created on '{parse.GetValue(server)}'", ct));

        var deleteServer = ServerOption("--server-name", "-s");
        var deleteName = new Option<string>("--name", "-n") { Description = "The rule's name.", Required = true };
        var delete = new Command("delete", "Delete a rule.") { deleteServer, deleteName };
        cluster.AddTo(delete);
        delete.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(deleteServer)!, s =>
            rulesOf(s).Any(r => Named(r, parse.GetValue(deleteName)))
                ? withRules(s, [.. rulesOf(s).Where(r => !Named(r, parse.GetValue(deleteName)))])
                : throw new InputException([$"--name: server '{s.Name}' has no {noun} '{parse.GetValue(deleteName)}'"]),
            $"{noun} '{parse.GetValue(deleteName)}' deleted from '{parse.GetValue(deleteServer)}'", ct));

        var listServer = ServerOption("--server-name", "-s");
        var list = new Command("list", "List the server's rules.") { listServer };
        cluster.AddTo(list);
        list.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var spec = await Find(host, parse.GetValue(listServer)!);
            new Rows(columns, [.. rulesOf(spec).Select(r => (IReadOnlyList<object?>)row(r))]).Write("table", Console.Out);
            return 0;
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(delete);
        command.Subcommands.Add(list);
        return command;
    }

    private static Command PrivateEndpoints()
    {
        var group = new Command("private-endpoint", "Private endpoint connections: only Approved ones let clients in.");
        var cluster = new ClusterTarget();
        foreach (var (verb, status) in new[] { ("approve", "Approved"), ("reject", "Rejected") })
        {
            var server = ServerOption("--server-name", "-s");
            var name = new Option<string>("--name", "-n") { Description = "The private endpoint connection's name.", Required = true };
            var command = new Command(verb, $"Set a private endpoint connection to {status}.") { server, name };
            cluster.AddTo(command);
            command.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(server)!, s =>
                s.PrivateEndpointConnections.Any(p => p.Name == parse.GetValue(name))
                    ? s with { PrivateEndpointConnections = [.. s.PrivateEndpointConnections.Select(p => p.Name == parse.GetValue(name) ? p with { Status = status } : p)] }
                    : throw new InputException([$"--name: server '{s.Name}' has no private endpoint connection '{parse.GetValue(name)}'"]),
                $"private endpoint connection '{parse.GetValue(name)}' on '{parse.GetValue(server)}' is {status}", ct));
            group.Subcommands.Add(command);
        }
        return group;
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
            var refusal = await host.Grains.GetGrain<Contracts.Connections.IServerGrain>(parse.GetValue(name)!).RevalidateKey();
            if (refusal is not null)
                throw new InputException([refusal]);
            Console.Out.WriteLine($"server '{parse.GetValue(name)}' revalidated its key");
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
            var snapshot = await host.Grains.GetGrain<Contracts.Backups.IServerBackupGrain>(parse.GetValue(source)!).Find(at)
                ?? throw new InputException([$"--source-server: no backup of '{parse.GetValue(source)}'{(at is null ? "" : $" at or before {at:u}")}"]);
            var restored = snapshot.Spec with
            {
                Name = parse.GetValue(name),
                State = "Ready",
                FirewallRules = [],
                VirtualNetworkRules = [],
                PrivateEndpointConnections = [],
            };
            var directory = host.Directory;
            var fleet = await directory.GetFleet();
            if (fleet.Servers.Any(s => s.Name == restored.Name))
                throw new InputException([$"--name: a server '{restored.Name}' exists already"]);
            var result = await directory.Provision(fleet with { Servers = [.. fleet.Servers, restored] });
            if (!result.Succeeded)
                throw new InputException(result.Errors);
            if (snapshot.Access is { } access)
                await host.Grains.GetGrain<Contracts.Connections.IServerGrain>(restored.Name!).RestoreAccounts(access);
            Console.Out.WriteLine($"server '{restored.Name}' restored from '{parse.GetValue(source)}' as of {snapshot.TakenAt:u}; add its firewall rules to let clients in");
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
        var password = new Option<string>("--admin-password", "-p") { Description = "8-128 characters from at least 3 of: upper, lower, digits, symbols.", Required = true };
        var command = new Command("create", "Create a server: TLS enforced, public access enabled, no firewall rules (deny all).") { name, region, sku, admin, password };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => ChangeFleet(parse, cluster, fleet => fleet.Servers.Any(s => s.Name == parse.GetValue(name))
            ? throw new InputException([$"--name: a server '{parse.GetValue(name)}' exists already"])
            : fleet with
            {
                Servers = [.. fleet.Servers, new ServerSpec
                {
                    Name = parse.GetValue(name), Region = parse.GetValue(region), Sku = parse.GetValue(sku),
                    AdministratorLogin = parse.GetValue(admin), AdministratorLoginPassword = parse.GetValue(password),
                }],
            }, $"server '{parse.GetValue(name)}' created", ct));
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
        command.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(name)!, s => s with
        {
            Sku = parse.GetValue(sku) ?? s.Sku,
            SslEnforcement = parse.GetValue(ssl) ?? s.SslEnforcement,
            MinimalTlsVersion = parse.GetValue(tls) ?? s.MinimalTlsVersion,
            PublicNetworkAccess = parse.GetValue(publicAccess) ?? s.PublicNetworkAccess,
        }, $"server '{parse.GetValue(name)}' updated", ct));
        return command;
    }

    private static Command DeleteServer()
    {
        var cluster = new ClusterTarget();
        var name = ServerOption("--name", "-n");
        var command = new Command("delete", "Delete a server: its sessions end, later connections get 9002.") { name };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => ChangeFleet(parse, cluster, fleet => fleet.Servers.Any(s => s.Name == parse.GetValue(name))
            ? fleet with { Servers = [.. fleet.Servers.Where(s => s.Name != parse.GetValue(name))] }
            : throw new InputException([$"--name: no server '{parse.GetValue(name)}' in the fleet"]),
            $"server '{parse.GetValue(name)}' deleted", ct));
        return command;
    }

    private static Command State(string verb, string state, string description)
    {
        var server = ServerOption("--name", "-n");
        var cluster = new ClusterTarget();
        var command = new Command(verb, description) { server };
        cluster.AddTo(command);
        command.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(server)!, s => s with { State = state }, $"server '{parse.GetValue(server)}' is {state}", ct));
        return command;
    }

    private static Command Configurations()
    {
        var group = new Command("configuration", "Server parameters: audit_log_enabled, audit_log_events, ...");
        var cluster = new ClusterTarget();
        var server = ServerOption("--server-name", "-s");
        var name = new Option<string>("--name", "-n") { Description = "The parameter, e.g. audit_log_enabled.", Required = true };
        var value = new Option<string>("--value") { Description = "Its new value, e.g. ON.", Required = true };
        var set = new Command("set", "Set a server parameter; it applies to the next events.") { server, name, value };
        cluster.AddTo(set);
        set.SetAction((parse, ct) => Change(parse, cluster, parse.GetValue(server)!, s => s with
        {
            Configurations = new Dictionary<string, string>(s.Configurations) { [parse.GetValue(name)!] = parse.GetValue(value)! },
        }, $"{parse.GetValue(name)} = {parse.GetValue(value)} on '{parse.GetValue(server)}'", ct));

        var showServer = ServerOption("--server-name", "-s");
        var show = new Command("show", "Every modelled parameter with its value (set, or the default).") { showServer };
        cluster.AddTo(show);
        show.SetAction((parse, ct) => CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var spec = await Find(host, parse.GetValue(showServer)!);
            new Rows(["name", "value", "source"],
                [.. ServerParameters.Known.Select(p => (IReadOnlyList<object?>)[p,
                    spec.Configurations.TryGetValue(p, out var v) ? v : ServerParameters.Defaults.GetValueOrDefault(p, "(by SKU)"),
                    spec.Configurations.ContainsKey(p) ? "user" : "default"])]).Write("table", Console.Out);
            return 0;
        }));
        group.Subcommands.Add(set);
        group.Subcommands.Add(show);
        return group;
    }

    private static Option<string> ServerOption(string name, string alias) =>
        new(name, alias) { Description = "The server's name.", Required = true };

    /// <summary>A server of the cluster's fleet, by name; bad input naming the server when there is none.</summary>
    internal static async Task<ServerSpec> Find(IFleetHost host, string server) =>
        Find(await host.Directory.GetFleet(), server);

    private static ServerSpec Find(FleetSpec fleet, string server) =>
        fleet.Servers.FirstOrDefault(s => s.Name == server)
            ?? throw new InputException([$"no server '{server}' in the fleet (fleetsim server list)"]);

    private static Task<int> Change(ParseResult parse, ClusterTarget cluster, string server, Func<ServerSpec, ServerSpec> change, string done, CancellationToken ct) =>
        ChangeFleet(parse, cluster, fleet =>
        {
            var current = Find(fleet, server);
            return fleet with { Servers = [.. fleet.Servers.Select(s => ReferenceEquals(s, current) ? change(s) : s)] };
        }, done, ct);

    private static Task<int> ChangeFleet(ParseResult parse, ClusterTarget cluster, Func<FleetSpec, FleetSpec> change, string done, CancellationToken ct) =>
        CliErrors.Guard(async () =>
        {
            await using var host = await cluster.OpenRunningAsync(parse, ct);
            var directory = host.Directory;
            var result = await directory.Provision(change(await directory.GetFleet()));
            if (!result.Succeeded)
                throw new InputException(result.Errors);
            Console.Out.WriteLine($"{done} (fleet version {result.Version})");
            return 0;
        });
}
