using System.Net;
using System.Net.Sockets;
using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>A server's IP firewall rules: IPv4 ranges that only allow.</summary>
internal static class FirewallRuleValidator
{
    /// <summary>Azure SQL's limit (error 40611); MariaDB documents none [FleetSim rule].</summary>
    public const int MaxRulesPerServer = 128;

    public const int MaxNameLength = 128;

    public static void Validate(IReadOnlyList<FirewallRuleSpec?>? rules, SpecPath path, ValidationErrors errors)
    {
        if (rules is { Count: > MaxRulesPerServer })
            errors.Add(path, $"a server has at most {MaxRulesPerServer} firewall rules; this one has {rules.Count}");

        // ARM resource names are case-insensitive: AllowOffice and allowoffice are the same rule.
        var names = new Dictionary<string, SpecPath>(rules?.Count ?? 0, ResourceNames.Comparer);
        foreach (var (rule, at) in errors.Each(rules, path))
        {
            var namePath = at.Property("name");
            if (errors.Required(rule.Name, namePath))
            {
                if (!IsRuleName(rule.Name))
                    errors.Add(namePath, $"'{rule.Name}' must be 1-{MaxNameLength} characters of letters, digits, '-', '_' and '.'");
                errors.Unique(rule.Name, namePath, names);
            }
            var start = ParseAddress(rule.StartIpAddress, at.Property("startIpAddress"), errors);
            var end = ParseAddress(rule.EndIpAddress, at.Property("endIpAddress"), errors);
            if (start > end)
                errors.Add(at.Property("startIpAddress"), $"'{rule.StartIpAddress}' is after endIpAddress '{rule.EndIpAddress}'; the start must not exceed the end");
        }
    }

    private static bool IsRuleName(string name) =>
        name.Length <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static Ipv4? ParseAddress(string? text, SpecPath path, ValidationErrors errors)
    {
        if (!errors.Required(text, path))
            return null;
        if (Ipv4.TryParse(text, out var ip))
            return ip;
        var isIpv6 = IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        errors.Add(path, isIpv6 ? $"'{text}' is not an IPv4 address: the firewall supports IPv4 only" : $"'{text}' is not an IPv4 address");
        return null;
    }
}
