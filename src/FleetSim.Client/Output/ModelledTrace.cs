using System.Globalization;
using System.Text;
using System.Text.Json;
using FleetSim.Policy.Model;

namespace FleetSim.Client.Output;

/// <summary>`explain`'s modelled time of each stage of a connection, from the fleet's model section.</summary>
public static class ModelledTrace
{
    public static string Text(ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(latency);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Modelled connect latency: {Ms(latency.TotalMs)}{(latency.TimedOut ? " (the client gave up: ClientTimeout, error 2013)" : "")}");
        text.AppendLine("  (from the fleet's model section: assumed costs, with the queues empty)");
        foreach (var stage in latency.Stages)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {stage.Stage.Name(),-13} {Ms(stage.Ms),12}");
        return text.ToString();
    }

    public static void Write(Utf8JsonWriter json, ModelledLatency latency)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(latency);
        json.WriteStartObject("modelled");
        json.WriteNumber("modelledMs", Round(latency.TotalMs));
        json.WriteBoolean("timedOut", latency.TimedOut);
        json.WriteStartObject("stages");
        foreach (var stage in latency.Stages)
            json.WriteNumber(stage.Stage.Name(), Round(stage.Ms));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static double Round(double ms) => Math.Round(ms, 3);

    private static string Ms(double ms) => Round(ms).ToString("0.###", CultureInfo.InvariantCulture) + " ms";
}
