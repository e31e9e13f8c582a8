using FleetSim.Client;
using FleetSim.Harness;
using FleetSim.Runs.Sessions;
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
    /// <param name="scenario">The scenario file, with its fleet.</param>
    /// <param name="connector">The simulated clients' connector (and every client's DNS).</param>
    /// <param name="directoryVersion">The fleet version the run provisioned.</param>
    /// <param name="duration">Stretches or shrinks the load plan.</param>
    /// <param name="wire">The listeners of "via": "wire" populations; required when the scenario has one.</param>
    /// <param name="modelled">Where simulated connections record their modelled latency, when the fleet has a model.</param>
    public static Harness.Scenario Create(ScenarioFile scenario, FleetConnector connector, long directoryVersion, TimeSpan? duration = null, WireClients? wire = null,
        Modelling.ModelledRun? modelled = null)
    {
        var spec = scenario.Spec;
        if (wire is null && spec.Populations.Any(p => p.Via == "wire"))
            throw new ArgumentException("the scenario has wire populations: give their listeners", nameof(wire));
        if (modelled is not null)
            wire?.ModelInto(modelled);
        var populations = new WeightedChoice<ClientPopulation>(
            spec.Populations.Select(p => (new ClientPopulation(scenario.Fleet, p), p.Weight)));

        var harnessScenario = Harness.Scenario.Create(spec.Name!, async context =>
        {
            var client = populations.Next(context.Random).Next(context.Random);
            var holds = client.Statements.Count > 0 || client.Hold > TimeSpan.Zero;
            await using IClientSession session = client.Wire
                ? new WireSession(connector, wire!, client, directoryVersion)
                : new SimulatedSession(connector, client, holds, directoryVersion, modelled, context.IntendedStartTime, ModelKey(context), record: !context.IsWarmUp);
            var connect = await Step.Run("connect", context, async () => Response.Ok(await session.Connect()));
            if (!session.Allowed || !holds)
            {
                if (session.Allowed)
                    await session.Disconnect();
                return connect;
            }

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
                            failed += await session.Execute(sql) ? 0 : 1;
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
                    await session.Disconnect();
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

    /// <summary>
    /// What keys an iteration's samples in the model: its place in the open model's schedule, the
    /// same in every run; in the closed model, whose pace the engine sets, its copy and invocation.
    /// </summary>
    private static string ModelKey(ScenarioContext context) => context.ScheduleNumber >= 0
        ? $"{context.ScenarioName}/{context.ScheduleNumber}"
        : $"{context.ScenarioName}/{context.CopyNumber}/{context.InvocationNumber}";

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
}
