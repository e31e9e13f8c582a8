using System.Text.Encodings.Web;
using System.Text.Json;
using FleetSim.Contracts.Connections;

namespace FleetSim.Client.Output;

/// <summary>The one-line JSON form of a decision that `fleetsim check` prints.</summary>
public static class DecisionLine
{
    // The error texts quote addresses and names with ', which must stay readable.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="modelledMs">The modelled connect latency, written only when the fleet has a model.</param>
    public static void Write(Utf8JsonWriter json, string id, ConnectResult result, double? modelledMs = null)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteBoolean("allowed", result.Allowed);
        json.WriteString("reason", result.Reason.ToString());
        json.WriteNumber("code", result.Code);
        json.WriteString("message", result.Message);
        WriteNullable(json, "rule", result.Rule);
        WriteNullable(json, "server", result.Server);
        WriteNullable(json, "gateway", result.Gateway);
        if (modelledMs is { } ms)
            json.WriteNumber("modelledMs", ModelledTrace.Round(ms));
        if (result.Statements is { } statements)
        {
            json.WriteStartArray("statements");
            foreach (var statement in statements)
            {
                json.WriteStartObject();
                json.WriteString("category", statement.Category);
                json.WriteNumber("code", statement.Code);
                json.WriteString("message", statement.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    /// <summary>An alert line, printed by `fleetsim check` after the decisions and by `fleetsim alerts --format jsonl`.</summary>
    public static void WriteAlert(Utf8JsonWriter json, Policy.Threats.SecurityAlert alert)
    {
        json.WriteStartObject();
        json.WriteString("alert", alert.AlertType);
        json.WriteString("severity", alert.Severity.ToString());
        json.WriteString("server", alert.Server);
        json.WriteString("ip", alert.Ip);
        json.WriteString("user", alert.User);
        json.WriteString("at", alert.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("description", alert.Description);
        json.WriteEndObject();
    }

    /// <summary>A field that is null when there is nothing to name (no rule, no server), rather than left out.</summary>
    public static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
