namespace FleetSim.Harness;

/// <summary>
/// Runs a named step inside a scenario iteration and records its own statistics, as NBomber's
/// <c>Step.Run</c> does. A failed step does not throw: the scenario decides what its iteration
/// returns. A step that throws is recorded as failed and the exception goes on to the scenario.
/// </summary>
public static class Step
{
    /// <summary>Runs <paramref name="run"/> as the step <paramref name="name"/>.</summary>
    public static async ValueTask<Response> Run(string name, ScenarioContext context, Func<ValueTask<Response>> run)
    {
        var slot = context.Runtime.StepSlot(name);
        long start = context.TakeStepStart();
        Response response;
        try
        {
            response = await run();
        }
        catch (Exception exception)
        {
            Record(context, slot, start, Response.FromException(exception));
            throw;
        }
        Record(context, slot, start, response);
        return response;
    }

    /// <summary>Runs a step whose response carries a value for the rest of the iteration.</summary>
    public static async ValueTask<Response<T>> Run<T>(string name, ScenarioContext context, Func<ValueTask<Response<T>>> run)
    {
        var slot = context.Runtime.StepSlot(name);
        long start = context.TakeStepStart();
        Response<T> response;
        try
        {
            response = await run();
        }
        catch (Exception exception)
        {
            Record(context, slot, start, Response.FromException(exception));
            throw;
        }
        Record(context, slot, start, response.Outcome);
        return response;
    }

    /// <summary>
    /// Runs a step with explicit state, so that a <c>static</c> lambda captures nothing and the
    /// step allocates nothing when it completes synchronously.
    /// </summary>
    public static async ValueTask<Response> Run<TState>(string name, ScenarioContext context, TState state, Func<TState, ValueTask<Response>> run)
    {
        var slot = context.Runtime.StepSlot(name);
        long start = context.TakeStepStart();
        Response response;
        try
        {
            response = await run(state);
        }
        catch (Exception exception)
        {
            Record(context, slot, start, Response.FromException(exception));
            throw;
        }
        Record(context, slot, start, response);
        return response;
    }

    private static void Record(ScenarioContext context, StatsSlot slot, long start, in Response response)
    {
        if (context.Measured)
            slot.Record(context.Runtime.ElapsedMicroseconds(start), response);
    }
}
