using System.Text.Json;
using FleetSim.Grains.Gateways;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FleetSim.Web.Api;

/// <summary>
/// GET /api/decisions/stream: server-sent events, one decision line each as the gateways decide,
/// and a "counts" event a second with the exact counts by stage. Subscribes only while a page
/// watches, so the gateways publish to no one otherwise: to this process's silo directly, or to a
/// cluster's silos through their decision hub (then the lines are a sample of every silo's).
/// </summary>
internal static class DecisionStream
{
    private static readonly TimeSpan CountsEvery = TimeSpan.FromSeconds(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="context">The request.</param>
    /// <param name="feed">This process's silo's feed, or null to watch the cluster's silos through their hub.</param>
    /// <param name="grains">The cluster's grains: the hub's, when there is no feed here.</param>
    public static async Task Serve(HttpContext context, DecisionFeed? feed, IGrainFactory grains)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Ends when the page goes away or the host stops, whichever comes first.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted,
            context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        var stop = ending.Token;
        await using var watch = feed is null ? await DecisionWatch.Of(grains) : DecisionWatch.Of(feed);
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
