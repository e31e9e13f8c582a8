using FleetSim.Contracts.Connections;
using FleetSim.Harness;
using FleetSim.Hosting;
using FleetSim.Policy.Routing;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.LoadTests.Scenarios;

/// <summary>
/// A scenario written in C# against the harness, NBomber style: a storm of logins on a Zipf-hot
/// fleet, ramped then held, with a threshold on connect latency. The scenario files in
/// loadtests/scenarios do the same declaratively; this shows the API for what they cannot say.
/// </summary>
public static class ConnectStorm
{
    public static async Task<int> Run(string[] args)
    {
        var rate = args.Length > 0 && int.TryParse(args[0], out var r) ? r : 2000;
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec { ServersPerRegion = 250, FirewallRulesPerServer = 32 }, seed: 1);
        await using IFleetHost silo = await EmbeddedSilo.StartAsync();
        var provisioned = await silo.ProvisionAsync(fleet);
        var servers = new ZipfKeys(fleet.Servers.Count, exponent: 1.1);

        var storm = Scenario.Create("connect-storm", async context =>
            {
                var server = fleet.Servers[servers.Next(context.Random)];
                var rule = server.FirewallRules[context.Random.Next(server.FirewallRules.Count)];
                return await Step.Run("connect", context, async () =>
                {
                    var result = await silo.Connector.Connect(new ConnectRequest(
                        server.Name + FleetDirectory.HostSuffix, $"{FleetGenerator.AdministratorLogin}@{server.Name}",
                        server.AdministratorLoginPassword, Policy.Spec.TlsVersion.Tls1_2, new SourceAddress(rule.StartIpAddress)), null, provisioned.Version);
                    return Response.Ok(result.Reason.ToString());
                });
            })
            .WithWarmUpDuration(TimeSpan.FromSeconds(3))
            .WithLoadSimulations(
                Simulation.RampingInject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)),
                Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20)));

        var result = await LoadRunner.Create()
            .RegisterScenarios(storm)
            .WithThresholds("connect.p99 < 50ms", "fail.rate < 0.01")
            .WithReportFolder(Path.Combine("reports", "connect-storm"))
            .RunAsync();
        return result.ExitCode;
    }
}
