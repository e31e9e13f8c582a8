using System.Text.Json;
using System.Text.Json.Serialization;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Policy.Tests.Threats;

/// <summary>The new fleet sections as a document writes them.</summary>
public sealed class ThreatSpecDocumentTests
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private const string Document = """
        {
          "internet": [
            { "range": "198.51.100.0/24", "location": "Amsterdam, NL", "domain": "contoso.com" },
            { "range": "20.50.0.0-20.50.255.255", "location": "Amsterdam, NL", "domain": "azure.com", "cloudProvider": "Azure", "azureRegion": "westeurope" }
          ],
          "threatIntelligence": [ { "range": "203.0.113.0/24", "description": "botnet command and control" } ],
          "threatDetection": {
            "learningPeriod": "1d", "bruteForceThreshold": 5, "bruteForceWindow": "5m",
            "harmfulApplications": [ "sqlmap", "hydra" ], "alertSuppression": "30m"
          }
        }
        """;

    [Fact]
    public void The_sections_read_with_the_documented_property_names()
    {
        var spec = JsonSerializer.Deserialize<FleetSpec>(Document, Strict)!;

        var settings = ThreatDetectionSettings.FromSpec(spec.ThreatDetection);
        var book = AddressBook.FromSpec(spec);

        Assert.Equal((TimeSpan.FromDays(1), 5, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)),
            (settings.LearningPeriod, settings.BruteForceThreshold, settings.BruteForceWindow, settings.AlertSuppression));
        Assert.True(settings.IsHarmful("Hydra"));
        Assert.False(settings.IsHarmful("nmap"));
        Assert.Equal("westeurope", book.Lookup("20.50.9.9").AzureRegion);
        Assert.True(book.Lookup("203.0.113.1").Flagged);
    }

    [Fact]
    public void Left_out_the_detection_settings_take_FleetSims_defaults()
    {
        var settings = ThreatDetectionSettings.FromSpec(JsonSerializer.Deserialize<FleetSpec>("{}", Strict)!.ThreatDetection);

        Assert.Equal((TimeSpan.FromDays(7), 10, TimeSpan.FromMinutes(10), TimeSpan.FromHours(1)),
            (settings.LearningPeriod, settings.BruteForceThreshold, settings.BruteForceWindow, settings.AlertSuppression));
    }
}
