using FleetSim.Client;
using FleetSim.Contracts.Connections;
using FleetSim.Harness;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Clients;
using FleetSim.Scenarios.Reading;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Runs;

/// <summary>
/// A scenario file as a harness scenario: each iteration is one client session drawn from the
/// populations by weight. Steps: "connect" (status code: the decision's reason, e.g.
/// FirewallDenied), then for an admitted client "statements" and "disconnect". A denial is the
/// system answering correctly, so it counts as ok with its reason; only errors of the simulator
/// itself (exceptions) fail.
/// </summary>
public static class FleetScenario
{
    public static Harness.Scenario Create(ScenarioFile scenario, FleetConnector connector, long directoryVersion, TimeSpan? duration = null)
    {
        var spec = scenario.Spec;
        var populations = new WeightedChoice<ClientPopulation>(
            spec.Populations.Select(p => (new ClientPopulation(scenario.Fleet, p), p.Weight)));

        var harnessScenario = Harness.Scenario.Create(spec.Name!, async context =>
        {
            var client = populations.Next(context.Random).Next(context.Random);
            var holds = client.Statements.Count > 0 || client.Hold > TimeSpan.Zero;
            ConnectResult? session = null;
            var connect = await Step.Run("connect", context, async () =>
            {
                session = await connector.Connect(Request(client, holds), client.PinnedGatewayIp, directoryVersion);
                return Response.Ok(session.Reason.ToString());
            });
            if (session is not { Allowed: true } || !holds)
                return connect;

            try
            {
                // A session still thinking or holding when the run stops ends early and cleanly:
                // the stop is the harness's, not a failure of the fleet.
                if (client.Statements.Count > 0)
                {
                    await Step.Run("statements", context, async () =>
                    {
                        var failed = 0;
                        foreach (var sql in client.Statements)
                        {
                            if (client.ThinkTime > TimeSpan.Zero && !await Pause(client.ThinkTime, context))
                                return Response.Ok("StoppedEarly");
                            failed += (await connector.Execute(session, sql)).Succeeded ? 0 : 1;
                        }
                        return Response.Ok(failed == 0 ? "OK" : "SqlError");
                    });
                }
                if (client.Hold > TimeSpan.Zero)
                    await Pause(client.Hold, context);
            }
            finally
            {
                // Even a run that is stopping closes what it opened, or servers keep counting it.
                await Step.Run("disconnect", context, async () =>
                {
                    await connector.Disconnect(session);
                    return Response.Ok();
                });
            }
            return connect;
        })
        .WithLoadSimulations(LoadPlans.From(spec.Load, duration))
        .WithRandomSeed(spec.Seed);

        if (spec.WarmUp is not null)
            harnessScenario = harnessScenario.WithWarmUpDuration(Durations.Parse(spec.WarmUp));
        if (spec.MaxFailCount is { } maxFail)
            harnessScenario = harnessScenario.WithMaxFailCount(maxFail);
        return harnessScenario;
    }

    /// <summary>Waits, or returns false when the run stops first: the session then ends early, cleanly.</summary>
    private static async Task<bool> Pause(TimeSpan duration, ScenarioContext context)
    {
        try
        {
            await Task.Delay(duration, context.TimeProvider, context.CancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static ConnectRequest Request(SimulatedClient client, bool hold) => new(
        client.Host, client.User, client.Password, TlsVersions.ParseOffered(client.Tls),
        new SourceAddress(client.Source.Ip, client.Source.Azure, client.Source.Subnet, client.Source.PrivateEndpoint),
        client.App, Hold: hold);
}
