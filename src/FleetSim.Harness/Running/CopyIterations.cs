namespace FleetSim.Harness;

/// <summary>
/// How one copy (closed model) or worker (open model) runs its iterations: an exception becomes a
/// failed response, and a copy whose iterations all complete synchronously still yields its thread
/// every so many, so that other copies, the collector and the console get to run.
/// </summary>
internal sealed class CopyIterations(ScenarioRuntime runtime, ScenarioContext context)
{
    private const int YieldEvery = 64;

    private readonly Func<ScenarioContext, ValueTask<Response>> _scenario = runtime.Scenario.Run;
    private int _inline;

    /// <summary>Runs one iteration that began at <paramref name="intendedStart"/> (the open model's <paramref name="scheduleNumber"/>) and records its response.</summary>
    public async ValueTask Run(long intendedStart, bool measured, long scheduleNumber = -1)
    {
        context.BeginIteration(intendedStart, measured, scheduleNumber);
        Response response;
        try
        {
            var pending = _scenario(context);
            if (pending.IsCompletedSuccessfully)
            {
                response = pending.Result;
                _inline++;
            }
            else
            {
                response = await pending;
                _inline = 0;
            }
        }
        catch (Exception exception)
        {
            response = Response.FromException(exception);
        }
        runtime.Complete(context, response);
    }

    /// <summary>Yields the thread when the last iterations all ran without waiting.</summary>
    public async ValueTask YieldIfDue()
    {
        if (_inline < YieldEvery)
            return;
        _inline = 0;
        await Task.Yield();
    }
}
