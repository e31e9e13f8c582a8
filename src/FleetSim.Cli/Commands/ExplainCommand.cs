using System.CommandLine;
using FleetSim.Client.Output;
using FleetSim.Client.Attempts;
using FleetSim.Hosting;
using FleetSim.Cli.Output;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Validation;

namespace FleetSim.Cli.Commands;

public static class ExplainCommand
{
    public static Command Create()
    {
        var fleet = new Argument<FileInfo>("FLEET") { Description = "The fleet specification (JSON)." };
        var user = new Option<string>("--user", "-u") { Description = "The login as the client sends it: user@server.", Required = true };
        var password = new Option<string?>("--password", "-p") { Description = "The password; without it authentication fails, as a real client's would." };
        var host = new Option<string?>("--host") { Description = "The host name dialled (default: <server>.mariadb.database.azure.com from the user name)." };
        var gatewayIp = new Option<string?>("--gateway-ip") { Description = "Dial this gateway address instead of resolving the host (a client that pinned an IP)." };
        var tls = new Option<string>("--tls") { Description = "TLS version offered: none, 1.0, 1.1, 1.2, 1.3.", DefaultValueFactory = _ => "1.2" };
        var sourceIp = new Option<string?>("--source-ip") { Description = "The client's address (public, or private inside --subnet)." };
        var azure = new Option<bool>("--azure") { Description = "The source address belongs to Azure (a VM or service with a public Azure IP)." };
        var subnet = new Option<string?>("--subnet") { Description = "The client is in this VNet subnet (its ARM id: <vnet id>/subnets/<name>)." };
        var privateEndpoint = new Option<string?>("--private-endpoint") { Description = "The client connects through the private endpoint of this name." };
        var database = new Option<string?>("--database") { Description = "The database named in the login." };
        var json = new Option<bool>("--json") { Description = "Print the decision and its trace as JSON instead of text." };
        var cluster = new ClusterTarget();

        var command = new Command("explain", """
            Show how one connection attempt is decided, stage by stage: DNS, the regional gateway,
            routing on user@server, server state, TLS, network access, authentication and
            max_connections. Like Azure Network Watcher's IP flow verify, it names the rule that
            decided; unlike it, the attempt really runs through the gateway and server grains.
            Example: fleetsim explain samples/fleet.json --user app@contoso --password 'Sh0p!2026' --source-ip 203.0.113.9
            """)
        {
            fleet, user, password, host, gatewayIp, tls, sourceIp, azure, subnet, privateEndpoint, database, json,
        };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var spec = FleetSpecReader.ReadFile(parse.GetValue(fleet)!.FullName);
            var login = parse.GetValue(user)!;
            var dialled = parse.GetValue(host) ?? (parse.GetValue(gatewayIp) is null && login.Contains('@', StringComparison.Ordinal)
                ? login[(login.LastIndexOf('@') + 1)..] + FleetDirectory.HostSuffix
                : null);
            var attempt = new Attempt
            {
                Id = "explain",
                Host = dialled,
                GatewayIp = parse.GetValue(gatewayIp),
                User = login,
                Password = parse.GetValue(password),
                Tls = parse.GetValue(tls),
                Database = parse.GetValue(database),
                Source = new AttemptSource
                {
                    Ip = parse.GetValue(sourceIp),
                    Azure = parse.GetValue(azure),
                    Subnet = parse.GetValue(subnet),
                    PrivateEndpoint = parse.GetValue(privateEndpoint),
                },
            };
            var problems = AttemptFile.Check(attempt, FleetDirectory.FromSpec(spec))
                .Select(p => "--" + p.Replace("source.ip", "source-ip", StringComparison.Ordinal).Replace("source.", "", StringComparison.Ordinal)).ToList();
            if (problems.Count > 0)
                throw new InputException(problems);

            // An explanation leaves no audit trail behind: its store is scratch, thrown away.
            using var store = new ScratchStore();
            await using var silo = await cluster.OpenAsync(parse, store.Path, verbose: false, cancellationToken);
            var provisioned = await silo.ProvisionAsync(spec);
            if (!provisioned.Succeeded)
                throw new InputException(provisioned.Errors);
            var (request, pinned) = AttemptFile.ToRequest(attempt, explain: true);
            var result = await silo.Connector.Connect(request, pinned, provisioned.Version);
            var modelled = spec.Model is { } model ? Modelling.ModelledCheck.Run(spec, model, [attempt], [result]) : null;
            result = modelled?.Results[0] ?? result;
            Console.Out.Write(parse.GetValue(json)
                ? TraceReport.Json(attempt, result, modelled?.Latencies[0])
                : TraceReport.Text(attempt, result, modelled?.Latencies[0]));
            return 0;
        }));
        return command;
    }
}
