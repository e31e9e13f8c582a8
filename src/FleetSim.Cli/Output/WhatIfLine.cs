using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Client.Attempts;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Cli.Output;

/// <summary>The one-line JSON form of an attempt's decision under two fleets, as `fleetsim whatif` prints it.</summary>
public static class WhatIfLine
{
    public static void Write(Utf8JsonWriter json, Attempt attempt, Decision before, Decision after, DecisionChange change)
    {
        json.WriteStartObject();
        json.WriteString("id", attempt.Id);
        json.WriteString("change", change.Name());
        DecisionLine.WriteNullable(json, "server", after.Server ?? before.Server);
        json.WriteString("user", attempt.User);
        json.WritePropertyName("source");
        WriteSource(json, attempt.Source!);
        WriteDecision(json, "before", before);
        WriteDecision(json, "after", after);
        json.WriteEndObject();
    }

    /// <summary>The source as the attempt sent it: only the fields it gave.</summary>
    private static void WriteSource(Utf8JsonWriter json, AttemptSource source)
    {
        json.WriteStartObject();
        if (source.Ip is not null)
            json.WriteString("ip", source.Ip);
        if (source.Azure)
            json.WriteBoolean("azure", true);
        if (source.Subnet is not null)
            json.WriteString("subnet", source.Subnet);
        if (source.PrivateEndpoint is not null)
            json.WriteString("privateEndpoint", source.PrivateEndpoint);
        json.WriteEndObject();
    }

    private static void WriteDecision(Utf8JsonWriter json, string name, Decision decision)
    {
        json.WriteStartObject(name);
        json.WriteString("reason", decision.Verdict.Reason.ToString());
        json.WriteNumber("code", decision.Verdict.Code);
        DecisionLine.WriteNullable(json, "rule", decision.Verdict.Rule);
        json.WriteEndObject();
    }
}
