namespace FleetSim.Harness;

/// <summary>A <see cref="Response"/> that also carries a value for the rest of the iteration.</summary>
/// <typeparam name="T">The payload's type.</typeparam>
/// <param name="Payload">The value the step produced.</param>
/// <param name="Outcome">Ok or fail, status code and size.</param>
public readonly record struct Response<T>(T Payload, Response Outcome)
{
    /// <summary>True when the call failed.</summary>
    public bool IsError => Outcome.IsError;

    /// <summary>The outcome's name.</summary>
    public string StatusCode => Outcome.StatusCode;

    /// <summary>Drops the payload, e.g. to return a step's outcome as the scenario's.</summary>
    public static implicit operator Response(Response<T> response) => response.Outcome;

    /// <summary>Drops the payload.</summary>
    public Response ToResponse() => Outcome;
}
