using System.Text.Json;
using System.Text.Json.Nodes;

namespace FleetSim.Cli.Tests;

/// <summary>The fleets the serve tests run: the samples, with what a rule needs added to them.</summary>
public static class ServeFleets
{
    /// <summary>The smallest max_connections MariaDB accepts, held full by real clients.</summary>
    public const int LitwareMaxConnections = 10;

    /// <summary>
    /// samples/fleet.json plus litware, an eastus server open to the listeners' default source
    /// whose max_connections is as small as MariaDB allows.
    /// </summary>
    public static string WithLitware()
    {
        var fleet = Sample("fleet.json");
        fleet["servers"]!.AsArray().Add(JsonNode.Parse($$"""
            {
              "name": "litware", "region": "eastus", "sku": "GP_Gen5_2", "sslEnforcement": "Disabled",
              "administratorLogin": "lwadmin", "administratorLoginPassword": "Litware!2026",
              "firewallRules": [ { "name": "ci-runner", "startIpAddress": "203.0.113.9", "endIpAddress": "203.0.113.9" } ],
              "configurations": { "max_connections": "{{LitwareMaxConnections}}" }
            }
            """));
        return Write("fleet-with-litware.json", fleet);
    }

    /// <summary>samples/threats-fleet.json with the fleet's default detection settings (not the demo's low threshold).</summary>
    public static string ThreatsWithDefaultDetection()
    {
        var fleet = Sample("threats-fleet.json");
        fleet.AsObject().Remove("threatDetection");
        return Write("threats-default-detection.json", fleet);
    }

    private static JsonNode Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(Fleetsim.Sample(name)), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;

    private static string Write(string name, JsonNode fleet) => Fleetsim.TempFile(name, fleet.ToJsonString());
}
