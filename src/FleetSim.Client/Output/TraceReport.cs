using System.Text;
using System.Text.Json;
using FleetSim.Client.Attempts;
using FleetSim.Contracts.Connections;

namespace FleetSim.Client.Output;

/// <summary>Renders a decision with its trace, for people learning how the gateway architecture decides.</summary>
public static class TraceReport
{
    /// <param name="modelled">The modelled time of each stage, when the fleet has a model.</param>
    public static string Text(Attempt attempt, ConnectResult result, Policy.Model.ModelledLatency? modelled = null)
    {
        var text = new StringBuilder();
        var source = attempt.Source!;
        var from = source.PrivateEndpoint is not null ? $"private endpoint '{source.PrivateEndpoint}'"
            : source.Subnet is not null ? $"{source.Ip} in subnet {source.Subnet}"
            : source.Azure ? $"Azure address {source.Ip}" : $"internet address {source.Ip}";
        var dialled = attempt.GatewayIp is not null ? $"pinned gateway {attempt.GatewayIp}" : attempt.Host;
        text.AppendLine($"Connection {attempt.User} from {from}, TLS {attempt.Tls}, dialling {dialled}");
        text.AppendLine();
        var width = result.Trace?.Max(s => s.Stage.Length) ?? 0;
        foreach (var step in result.Trace ?? [])
            text.AppendLine($"  {(step.Passed ? "pass" : "FAIL")}  {step.Stage.PadRight(width)}  {step.Detail}");
        text.AppendLine();
        if (result.Allowed)
        {
            text.AppendLine($"Decision: ALLOWED{(result.Rule is null ? "" : $" by '{result.Rule}'")} on server {result.Server} via gateway {result.Gateway}");
        }
        else
        {
            text.AppendLine($"Decision: DENIED  {result.Reason} (error {result.Code})");
            text.AppendLine($"  {result.Message}");
        }
        if (modelled is not null)
            text.AppendLine().Append(ModelledTrace.Text(modelled));
        return text.ToString();
    }

    public static string Json(Attempt attempt, ConnectResult result, Policy.Model.ModelledLatency? modelled = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, DecisionLine.WriterOptions with { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", attempt.Id);
            json.WriteBoolean("allowed", result.Allowed);
            json.WriteString("reason", result.Reason.ToString());
            json.WriteNumber("code", result.Code);
            json.WriteString("message", result.Message);
            json.WriteString("rule", result.Rule);
            json.WriteString("server", result.Server);
            json.WriteString("gateway", result.Gateway);
            WriteTrace(json, result.Trace ?? []);
            if (modelled is not null)
                ModelledTrace.Write(json, modelled);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    /// <summary>A trace as `explain --json` writes it, stage by stage: the array "trace".</summary>
    public static void WriteTrace(Utf8JsonWriter json, IEnumerable<TraceEntry> trace)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("trace");
        foreach (var step in trace)
        {
            json.WriteStartObject();
            json.WriteString("stage", step.Stage);
            json.WriteBoolean("passed", step.Passed);
            json.WriteString("detail", step.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
