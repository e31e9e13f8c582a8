using System.Text.Encodings.Web;
using System.Text.Json;
using FleetSim.Contracts.Connections;

namespace FleetSim.Cli.Output;

/// <summary>The one-line JSON form of a decision that `fleetsim check` prints.</summary>
public static class DecisionLine
{
    // The error texts quote addresses and names with ', which must stay readable.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Utf8JsonWriter json, string id, ConnectResult result)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteBoolean("allowed", result.Allowed);
        json.WriteString("reason", result.Reason);
        json.WriteNumber("code", result.Code);
        json.WriteString("message", result.Message);
        WriteNullable(json, "rule", result.Rule);
        WriteNullable(json, "server", result.Server);
        WriteNullable(json, "gateway", result.Gateway);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
