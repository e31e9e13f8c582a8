using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Contracts.Connections;
using FleetSim.Contracts.Decisions;
using FleetSim.Policy.Decisions;

namespace FleetSim.Web.Api;

/// <summary>A live decision as one JSON line: the line `check` prints, then when and at which stage it was decided, where it came from, and its trace from the gateway on when the feed took one.</summary>
internal static class LiveDecisionLine
{
    public static byte[] Write(long number, GatewayDecision decision)
    {
        var verdict = decision.Verdict;
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, DecisionLine.WriterOptions))
        {
            DecisionLine.Write(json, $"live-{number.ToString(CultureInfo.InvariantCulture)}",
                new ConnectResult(verdict.Reason, verdict.Code, verdict.Message, verdict.Rule, decision.Server, decision.Gateway));
        }
        // check's line ends with its closing brace: the live fields follow inside the same object.
        var line = buffer.WrittenSpan[..^1].ToArray();
        var extra = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(extra, DecisionLine.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("at", decision.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("stage", DecidingStage.Of(verdict.Reason, verdict.Code));
            json.WriteString("region", decision.Region);
            json.WriteString("user", decision.User);
            json.WriteString("source", decision.Source);
            if (decision.Trace is { } trace)
                TraceReport.WriteTrace(json, trace);
            json.WriteEndObject();
        }
        return [.. line, (byte)',', .. extra.WrittenSpan[1..]];
    }
}
