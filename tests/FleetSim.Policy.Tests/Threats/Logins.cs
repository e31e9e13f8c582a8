using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Threats;

namespace FleetSim.Policy.Tests.Threats;

/// <summary>
/// Logins to one General Purpose server with threat protection on, from addresses a small internet
/// describes: the office (contoso.com in Amsterdam), Azure VMs in West Europe and North Europe
/// (both in Amsterdam, to tell a data center apart from a location), an AWS host in Virginia, and
/// a flagged botnet range.
/// </summary>
internal static class Logins
{
    public const string Server = "contoso";
    public const string OfficeIp = "198.51.100.10";
    public const string AzureVmIp = "20.50.1.17";
    public const string AzureNorthEuropeIp = "20.60.0.9";
    public const string AwsIp = "3.80.0.5";
    public const string BotnetIp = "203.0.113.66";
    public const string AttackerIp = "192.0.2.99";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly AddressBook Internet = AddressBook.FromSpec(new FleetSpec
    {
        Internet =
        [
            new InternetRangeSpec { Range = "198.51.100.0/24", Location = "Amsterdam, NL", Domain = "contoso.com" },
            new InternetRangeSpec { Range = "20.50.0.0/16", Location = "Amsterdam, NL", Domain = "azure.com", CloudProvider = "Azure", AzureRegion = "westeurope" },
            new InternetRangeSpec { Range = "20.60.0.0/16", Location = "Amsterdam, NL", Domain = "azure.com", CloudProvider = "Azure", AzureRegion = "northeurope" },
            new InternetRangeSpec { Range = "3.80.0.0/12", Location = "Virginia, US", Domain = "amazonaws.com", CloudProvider = "AWS" },
        ],
        ThreatIntelligence = [new ThreatIntelligenceSpec { Range = "203.0.113.0/24", Description = "botnet command and control" }],
    });

    public static ThreatProtectionPolicy Protection(string state = "Enabled", string sku = "GP_Gen5_2", params string[] disabledAlerts) =>
        ThreatProtectionPolicy.FromSpec(new ServerSpec
        {
            Name = Server,
            Sku = sku,
            ThreatProtection = new ThreatProtectionSpec { State = state, DisabledAlerts = [.. disabledAlerts] },
        });

    /// <summary>Learning starts at <see cref="Start"/>; FleetSim's default settings unless given.</summary>
    public static ThreatDetector Detector(ThreatProtectionPolicy? policy = null, ThreatDetectionSettings? settings = null) =>
        new(Server, policy ?? Protection(), settings ?? ThreatDetectionSettings.Default, Start);

    public static LoginEvent Success(DateTimeOffset at, string ip = OfficeIp, string user = "app", string? app = "mysql") =>
        new(at, ip, user, app, Succeeded: true, ErrorCode: 0, Internet.Lookup(ip), UserExists: true);

    public static LoginEvent WrongPassword(DateTimeOffset at, string ip = AttackerIp, string user = "app", bool userExists = true, string? app = "mysql") =>
        new(at, ip, user, app, Succeeded: false, ErrorCode: 1045, Internet.Lookup(ip), userExists);

    /// <summary>After FleetSim's default learning period of 7 days.</summary>
    public static DateTimeOffset AfterLearning => Start.AddDays(8);

    public static Ipv4 Ip(string text) => Ipv4.Parse(text);
}
