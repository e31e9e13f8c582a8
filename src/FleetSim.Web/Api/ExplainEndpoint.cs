using System.Text;
using FleetSim.Client.Attempts;
using FleetSim.Client.Output;
using FleetSim.Hosting;
using Microsoft.AspNetCore.Http;

namespace FleetSim.Web.Api;

/// <summary>
/// POST /api/explain: one attempt, exactly as a line of `check`'s attempts file, sent through the
/// real gateway and server grains with a trace; answered as `explain --json` writes it. It is a
/// real attempt, audited and shown live, but closed at once: `hold` is ignored and statements are
/// not run. A bad attempt gets 400 with the errors `check` would print.
/// </summary>
internal sealed class ExplainEndpoint(IFleetHost host)
{
    private const int MaxBody = 64 * 1024;

    public async Task<IResult> Explain(HttpRequest http)
    {
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            var buffer = new char[MaxBody + 1];
            var read = await reader.ReadBlockAsync(buffer, http.HttpContext.RequestAborted);
            if (read > MaxBody)
                return BadRequest([$"body: longer than {MaxBody} characters; send one attempt"]);
            body = new string(buffer, 0, read);
        }
        if (!AttemptFile.TryParse(Encoding.UTF8.GetBytes(body), out var attempt, out var error))
            return BadRequest([$"body: {error}"]);
        var version = Math.Max(0, host.DirectoryCache.Version);
        var problems = AttemptFile.Check(attempt, await host.DirectoryCache.Get(version)).Select(p => $"body: {p}").ToList();
        if (problems.Count > 0)
            return BadRequest(problems);

        attempt = attempt with { Id = attempt.Id ?? "explain", Hold = false, Statements = null };
        var (request, pinned) = AttemptFile.ToRequest(attempt, explain: true);
        var result = await host.Connector.Connect(request, pinned, version);
        return Results.Text(TraceReport.Json(attempt, result), "application/json", Encoding.UTF8);
    }

    private static IResult BadRequest(IReadOnlyList<string> errors) =>
        Results.Json(new { errors }, statusCode: StatusCodes.Status400BadRequest);
}
