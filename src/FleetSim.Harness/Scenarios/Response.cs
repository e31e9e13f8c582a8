namespace FleetSim.Harness;

/// <summary>
/// The outcome of one scenario iteration or step: ok or fail, a status code that names the outcome
/// (reports count outcomes by it, as NBomber's status codes table does: "OK", "FirewallDenied"),
/// and optionally the bytes transferred.
/// </summary>
/// <remarks>
/// A struct so that returning <see cref="Ok(string, long, string?)"/> from a step allocates nothing:
/// the harness must not be the bottleneck of a million operations a second.
/// </remarks>
public readonly record struct Response
{
    /// <summary>The status code of an ok response that names none.</summary>
    public const string OkStatus = "OK";

    /// <summary>The status code of a failed response that names none.</summary>
    public const string FailStatus = "Fail";

    private readonly string? _statusCode;

    /// <summary>True when the call failed; failures count in fail.count and fail.rate.</summary>
    public bool IsError { get; init; }

    /// <summary>The outcome's name, e.g. a denial reason; "OK" or "Fail" when none was given.</summary>
    public string StatusCode
    {
        get => _statusCode ?? (IsError ? FailStatus : OkStatus);
        init => _statusCode = value;
    }

    /// <summary>Bytes transferred by the call, for the data transfer column; 0 when unknown.</summary>
    public long SizeBytes { get; init; }

    /// <summary>An optional human-readable message (kept out of the hot path: not aggregated).</summary>
    public string? Message { get; init; }

    /// <summary>A successful call.</summary>
    public static Response Ok(string statusCode = OkStatus, long sizeBytes = 0, string? message = null) =>
        new() { StatusCode = statusCode, SizeBytes = sizeBytes, Message = message };

    /// <summary>A successful call that hands a value to the rest of the iteration (named apart from <see cref="Ok(string, long, string?)"/> so that a string payload is never taken for a status).</summary>
    public static Response<T> OkWith<T>(T payload, string statusCode = OkStatus, long sizeBytes = 0, string? message = null) =>
        new(payload, Ok(statusCode, sizeBytes, message));

    /// <summary>A failed call; <paramref name="statusCode"/> names the reason ("FirewallDenied").</summary>
    public static Response Fail(string statusCode = FailStatus, string? message = null, long sizeBytes = 0) =>
        new() { IsError = true, StatusCode = statusCode, SizeBytes = sizeBytes, Message = message };

    /// <summary>A failed call that still hands a value to the rest of the iteration.</summary>
    public static Response<T> FailWith<T>(T payload, string statusCode = FailStatus, string? message = null, long sizeBytes = 0) =>
        new(payload, Fail(statusCode, message, sizeBytes));

    /// <summary>The failure recorded when a scenario or step throws: the status names the exception type.</summary>
    internal static Response FromException(Exception exception) =>
        Fail("exception:" + exception.GetType().Name, exception.Message);
}
