using System.Text;
using System.Text.Json;

namespace FleetSim.Harness;

/// <summary>Everything the run measured, machine-readable. Durations in seconds, latencies in ms.</summary>
internal static class JsonReport
{
    public static string Render(RunResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("testName", result.TestName);
            json.WriteString("startedAt", result.StartedAt);
            json.WriteNumber("durationSeconds", result.Duration.TotalSeconds);
            json.WriteString("verdict", ReportText.Verdict(result));
            json.WriteBoolean("passed", result.Passed);
            json.WriteNumber("exitCode", result.ExitCode);
            if (result.AbortReason is { } reason)
                json.WriteString("abortReason", reason);
            else
                json.WriteNull("abortReason");
            json.WriteNumber("reportingIntervalSeconds", result.ReportingInterval.TotalSeconds);
            json.WriteNumber("droppedCount", result.DroppedCount);
            json.WritePropertyName("all");
            WriteCalls(json, result.All);

            json.WriteStartArray("scenarios");
            foreach (var scenario in result.Scenarios)
            {
                json.WriteStartObject();
                json.WriteString("name", scenario.Name);
                json.WriteStartArray("simulations");
                foreach (var simulation in scenario.Simulations)
                    json.WriteStringValue(simulation);
                json.WriteEndArray();
                json.WriteNumber("warmUpSeconds", scenario.WarmUp.TotalSeconds);
                json.WriteNumber("durationSeconds", scenario.Duration.TotalSeconds);
                json.WriteNumber("droppedCount", scenario.DroppedCount);
                json.WriteNumber("lateCount", scenario.LateCount);
                json.WriteNumber("maxActiveCopies", scenario.MaxActiveCopies);
                json.WritePropertyName("totals");
                WriteCalls(json, scenario.Totals);
                json.WriteStartArray("steps");
                foreach (var step in scenario.Steps)
                    WriteCalls(json, step);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("thresholds");
            foreach (var threshold in result.Thresholds)
            {
                json.WriteStartObject();
                json.WriteString("expression", threshold.Threshold.ToString());
                json.WriteBoolean("passed", threshold.Passed);
                if (threshold.Actual is { } actual)
                    json.WriteNumber("actual", actual);
                else
                    json.WriteNull("actual");
                json.WriteString("message", threshold.Message);
                json.WriteBoolean("brokeAtRunTime", threshold.BrokeAtRunTime);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                json.WriteStartObject();
                json.WriteString("label", note.Label);
                json.WriteString("value", note.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("history");
            foreach (var row in result.History)
                WriteRow(json, row);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCalls(Utf8JsonWriter json, CallStats stats)
    {
        json.WriteStartObject();
        json.WriteString("scenario", stats.Scenario);
        if (stats.Step is { } step)
            json.WriteString("step", step);
        else
            json.WriteNull("step");
        json.WriteNumber("okCount", stats.OkCount);
        json.WriteNumber("failCount", stats.FailCount);
        json.WriteNumber("bytes", stats.Bytes);
        json.WriteNumber("durationSeconds", stats.Duration.TotalSeconds);
        json.WriteNumber("rps", stats.Rps);
        json.WriteNumber("failRate", stats.FailRate);
        json.WritePropertyName("ok");
        WriteLatency(json, stats.Ok);
        json.WritePropertyName("fail");
        WriteLatency(json, stats.Fail);
        WriteOutcomes(json, stats.Outcomes);
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, IntervalStats row)
    {
        json.WriteStartObject();
        json.WriteNumber("index", row.Index);
        json.WriteNumber("startSeconds", row.Start.TotalSeconds);
        json.WriteNumber("endSeconds", row.End.TotalSeconds);
        json.WriteString("timestamp", row.Timestamp);
        json.WriteString("scenario", row.Scenario);
        if (row.Step is { } step)
            json.WriteString("step", step);
        else
            json.WriteNull("step");
        json.WriteNumber("activeCopies", row.ActiveCopies);
        json.WriteNumber("okCount", row.OkCount);
        json.WriteNumber("failCount", row.FailCount);
        json.WriteNumber("droppedCount", row.DroppedCount);
        json.WriteNumber("lateCount", row.LateCount);
        json.WriteNumber("rps", row.Rps);
        json.WritePropertyName("latency");
        WriteLatency(json, row.Latency);
        WriteOutcomes(json, row.Outcomes);
        json.WriteNumber("totalOkCount", row.TotalOkCount);
        json.WriteNumber("totalFailCount", row.TotalFailCount);
        json.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter json, LatencyStats latency)
    {
        json.WriteStartObject();
        json.WriteNumber("count", latency.Count);
        json.WriteNumber("minMs", latency.MinMs);
        json.WriteNumber("meanMs", latency.MeanMs);
        json.WriteNumber("maxMs", latency.MaxMs);
        json.WriteNumber("stdDevMs", latency.StdDevMs);
        json.WriteNumber("p50Ms", latency.P50Ms);
        json.WriteNumber("p75Ms", latency.P75Ms);
        json.WriteNumber("p95Ms", latency.P95Ms);
        json.WriteNumber("p99Ms", latency.P99Ms);
        json.WriteNumber("p999Ms", latency.P999Ms);
        json.WriteEndObject();
    }

    private static void WriteOutcomes(Utf8JsonWriter json, IReadOnlyList<OutcomeCount> outcomes)
    {
        json.WriteStartArray("outcomes");
        foreach (var outcome in outcomes)
        {
            json.WriteStartObject();
            json.WriteString("statusCode", outcome.StatusCode);
            json.WriteBoolean("isError", outcome.IsError);
            json.WriteNumber("count", outcome.Count);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
