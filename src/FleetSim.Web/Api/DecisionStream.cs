using System.Text.Json;
using FleetSim.Grains.Gateways;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FleetSim.Web.Api;

/// <summary>
/// GET /api/decisions/stream: server-sent events, one decision line each as the gateways decide,
/// and a "counts" event a second with the exact counts by stage. Subscribes only while a page
/// watches, so the gateways publish to no one otherwise.
/// </summary>
internal static class DecisionStream
{
    private static readonly TimeSpan CountsEvery = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Serve(HttpContext context, DecisionFeed? feed)
    {
        var response = context.Response;
        if (feed is null)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await response.WriteAsync("this host has no live decision feed\n");
            return;
        }
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Ends when the page goes away or the host stops, whichever comes first.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
            context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var stop = ending.Token;
        using var watch = new DecisionWatch(feed);
        await response.WriteAsync(": watching\n\n", stop);
        await response.Body.FlushAsync(stop);
        DecisionCounts? sent = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                using (var tick = CancellationTokenSource.CreateLinkedTokenSource(stop))
                {
                    tick.CancelAfter(CountsEvery);
                    try
                    {
                        await watch.Decisions.WaitToReadAsync(tick.Token);
                    }
                    catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                    {
                    }
                }
                while (watch.Decisions.TryRead(out var item))
                {
                    await response.Body.WriteAsync("data: "u8.ToArray(), stop);
                    await response.Body.WriteAsync(LiveDecisionLine.Write(item.Number, item.Decision), stop);
                    await response.Body.WriteAsync("\n\n"u8.ToArray(), stop);
                }
                var counts = watch.Counts();
                if (sent is null || counts.Total != sent.Total)
                {
                    await response.WriteAsync($"event: counts\ndata: {JsonSerializer.Serialize(counts, Json)}\n\n", stop);
                    sent = counts;
                }
                await response.Body.FlushAsync(stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page went away.
        }
    }
}
