using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Threats;

/// <summary>The fleet's internet, threatIntelligence and threatDetection sections.</summary>
public sealed class ThreatSpecValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_documented()
    {
        var detection = new ThreatDetectionSpec();

        Assert.Empty(ThreatSpecValidator.Validate(new FleetSpec()));
        Assert.Equal(("7d", 10, "10m", "1h"), (detection.LearningPeriod, detection.BruteForceThreshold, detection.BruteForceWindow, detection.AlertSuppression));
        Assert.Contains("sqlmap", detection.HarmfulApplications);
    }

    [Fact]
    public void Ranges_must_be_an_IPv4_prefix_a_start_end_pair_or_one_address()
    {
        var spec = new FleetSpec
        {
            Internet =
            [
                new InternetRangeSpec { Range = "198.51.100.0/24" },
                new InternetRangeSpec { Range = "198.51.100.1/24" },
                new InternetRangeSpec { Range = "10.0.0.9-10.0.0.1" },
                new InternetRangeSpec { Range = "2001:db8::/32" },
                new InternetRangeSpec(),
            ],
            ThreatIntelligence = [new ThreatIntelligenceSpec { Range = "203.0.113.0/24" }, new ThreatIntelligenceSpec { Range = "203.0.113.0-203.0.113.255" }],
        };

        Assert.Equal(
        [
            "internet[1].range: '198.51.100.1/24' is not an IPv4 CIDR prefix (198.51.100.0/24), a start-end range (198.51.100.1-198.51.100.9) or one IPv4 address",
            "internet[2].range: '10.0.0.9-10.0.0.1' is not an IPv4 CIDR prefix (198.51.100.0/24), a start-end range (198.51.100.1-198.51.100.9) or one IPv4 address",
            "internet[3].range: '2001:db8::/32' is not an IPv4 CIDR prefix (198.51.100.0/24), a start-end range (198.51.100.1-198.51.100.9) or one IPv4 address",
            "internet[4].range: is required",
            "threatIntelligence[1].range: '203.0.113.0-203.0.113.255' is already described by threatIntelligence[0]",
        ], ThreatSpecValidator.Validate(spec));
    }

    [Fact]
    public void Durations_are_a_number_and_a_unit_and_thresholds_are_positive()
    {
        var spec = new FleetSpec
        {
            ThreatDetection = new ThreatDetectionSpec
            {
                LearningPeriod = "P7D", BruteForceThreshold = 0, BruteForceWindow = "0m", AlertSuppression = "1 h", HarmfulApplications = ["sqlmap", "evil tool"],
            },
        };

        Assert.Equal(
        [
            "threatDetection.learningPeriod: 'P7D' is not a duration: use a whole number and a unit s, m, h or d, such as 30s, 10m, 1h or 7d",
            "threatDetection.bruteForceWindow: '0m' must be longer than zero",
            "threatDetection.alertSuppression: '1 h' is not a duration: use a whole number and a unit s, m, h or d, such as 30s, 10m, 1h or 7d",
            "threatDetection.bruteForceThreshold: '0' must be a positive number of failed logins",
            "threatDetection.harmfulApplications[1]: 'evil tool' is not a program name: one word such as sqlmap, without a version",
        ], ThreatSpecValidator.Validate(spec));
    }

    [Fact]
    public void Nulls_are_reported_not_thrown_on()
    {
        var spec = new FleetSpec { Internet = null!, ThreatIntelligence = [null!], ThreatDetection = null! };

        Assert.Equal(
        [
            "internet: must not be null; use [] for none",
            "threatIntelligence[0]: must not be null",
            "threatDetection: must not be null; leave it out for the defaults",
        ], ThreatSpecValidator.Validate(spec));
    }

    [Theory]
    [InlineData("30s", 0, 0, 30)]
    [InlineData("10m", 0, 10, 0)]
    [InlineData("1h", 1, 0, 0)]
    [InlineData("7d", 168, 0, 0)]
    public void Durations_read_as_written(string text, int hours, int minutes, int seconds)
    {
        Assert.Equal(new TimeSpan(hours, minutes, seconds), SpecDuration.Parse(text));
        Assert.Equal(text, SpecDuration.ToText(SpecDuration.Parse(text)));
    }
}
