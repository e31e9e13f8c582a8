using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Policy.Insights;

namespace FleetSim.Cli.Output;

/// <summary>The one-line JSON form of an insight, as `fleetsim insights` prints it.</summary>
public static class FindingLine
{
    public static void Write(Utf8JsonWriter json, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(finding);
        json.WriteStartObject();
        json.WriteString("server", finding.Server);
        json.WriteString("kind", finding.Kind);
        DecisionLine.WriteNullable(json, "rule", finding.Rule);
        json.WriteString("why", finding.Why);
        json.WriteString("advice", finding.Advice);
        if (finding.Suggested is { } ranges)
        {
            json.WriteStartArray("suggested");
            foreach (var range in ranges)
            {
                json.WriteStartObject();
                json.WriteString("startIpAddress", range.Start.ToString());
                json.WriteString("endIpAddress", range.End.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
