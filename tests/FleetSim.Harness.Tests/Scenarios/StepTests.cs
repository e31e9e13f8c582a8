using FleetSim.Harness.Tests.Running;

namespace FleetSim.Harness.Tests.Scenarios;

public class StepTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Each_step_has_its_own_statistics_in_the_order_first_run()
    {
        // One in four fails, counted over the run (an invocation number counts per copy).
        var started = 0;
        var scenario = Scenario.Create("connect", async context =>
            {
                var failing = Interlocked.Increment(ref started) % 4 == 0;
                await Step.Run("resolve", context, () => ValueTask.FromResult(Response.Ok(sizeBytes: 10)));
                var login = await Step.Run("login", context, async () =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(30), context.TimeProvider);
                    return failing ? Response.Fail("FirewallDenied") : Response.Ok();
                });
                return login;
            })
            .NeverDropping()
            .WithLoadSimulations(Simulation.Inject(rate: 8, interval: Second, during: Second));

        var result = await Running.FakeClock.RunAsync(LoadRunner.Create().RegisterScenarios(scenario));

        var connect = result.Scenario("connect");
        Assert.Equal(["resolve", "login"], connect.Steps.Select(step => step.Step));
        var resolve = connect.Steps[0];
        var login = connect.Steps[1];
        Assert.Equal(8, resolve.OkCount);
        Assert.Equal(80, resolve.Bytes);
        Assert.Equal(6, login.OkCount);
        Assert.Equal(2, login.FailCount);
        Assert.Contains(login.Outcomes, outcome => outcome is { StatusCode: "FirewallDenied", IsError: true, Count: 2 });
        Assert.True(login.Ok.MinMs >= 30);
        Assert.Equal(2, connect.Totals.FailCount);
    }

    [Fact]
    public async Task A_step_that_throws_fails_with_the_exception_type_as_its_status()
    {
        var scenario = Scenario.Create("throwing", async context =>
            {
                await Step.Run("boom", context, () => throw new InvalidOperationException("no route"));
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 3));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        var throwing = result.Scenario("throwing");
        Assert.Equal(3, throwing.Steps.Single().FailCount);
        Assert.Equal("exception:InvalidOperationException", throwing.Steps.Single().Outcomes.Single().StatusCode);
        Assert.Equal(3, throwing.Totals.FailCount);
        Assert.Equal("exception:InvalidOperationException", throwing.Totals.Outcomes.Single().StatusCode);
    }

    [Fact]
    public async Task A_step_with_state_passes_its_value_and_a_payload_reaches_the_scenario()
    {
        var scenario = Scenario.Create("payload", async context =>
            {
                var lookup = await Step.Run("lookup", context, () => ValueTask.FromResult(Response.OkWith(payload: 41)));
                return await Step.Run("use", context, lookup.Payload + 1, static value =>
                    ValueTask.FromResult(value == 42 ? Response.Ok() : Response.Fail("WrongPayload")));
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 1, iterations: 5));

        var result = await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, result.Scenario("payload").Totals.OkCount);
    }

    [Fact]
    public void Names_that_thresholds_could_not_read_are_refused()
    {
        static ValueTask<Response> Run(ScenarioContext _) => ValueTask.FromResult(Response.Ok());

        Assert.Throws<ArgumentException>(() => Scenario.Create("two words", Run));
        Assert.Throws<ArgumentException>(() => Scenario.Create("a/b", Run));
        Assert.Throws<ArgumentException>(() => Scenario.Create("all", Run));
        Assert.Throws<ArgumentException>(() => Scenario.Create("", Run));
    }

    [Fact]
    public async Task Scenarios_without_load_simulations_or_with_the_same_name_are_refused()
    {
        var scenario = Scenario.Create("connect", _ => ValueTask.FromResult(Response.Ok()));

        await Assert.ThrowsAsync<InvalidOperationException>(() => LoadRunner.Create().RegisterScenarios(scenario).RunAsync(TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => LoadRunner.Create().RegisterScenarios(scenario, scenario));
    }

    [Fact]
    public void A_response_names_its_outcome()
    {
        Assert.Equal("OK", Response.Ok().StatusCode);
        Assert.Equal("Fail", Response.Fail().StatusCode);
        Assert.Equal("OK", default(Response).StatusCode);
        Assert.Equal("FirewallDenied", Response.Fail("FirewallDenied").StatusCode);
        Assert.True(Response.Fail("FirewallDenied").IsError);
    }
}
