using System.Text.Json;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.WhatIf;

/// <summary>One server a proposal changes: the settings it changes, a firewall rule at a time.</summary>
public sealed record ServerDiff(string Server, IReadOnlyList<string> Changes);

/// <summary>
/// What applying a fleet document would do, as `fleet apply --what-if` shows it (after az's
/// --what-if): servers created, changed (with what changes) and removed, and fleet-wide settings
/// changed (by property name). Passwords are compared as their hashes, as the directory keeps them.
/// </summary>
public sealed record FleetDiff(IReadOnlyList<string> Created, IReadOnlyList<ServerDiff> Changed, IReadOnlyList<string> Removed, IReadOnlyList<string> FleetSettings)
{
    public static FleetDiff Of(FleetSpec current, FleetSpec proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var before = StoredPasswords.Hashed(current).Servers.ToDictionary(s => s.Name!, ResourceNames.Comparer);
        var after = StoredPasswords.Hashed(proposed).Servers.ToDictionary(s => s.Name!, ResourceNames.Comparer);
        var changed = after.Where(s => before.TryGetValue(s.Key, out var old) && Differs(old, s.Value))
            .Select(s => new ServerDiff(s.Key, Changes(before[s.Key], s.Value)))
            .OrderBy(d => d.Server, StringComparer.Ordinal).ToList();
        return new FleetDiff(
            [.. after.Keys.Where(name => !before.ContainsKey(name)).Order(StringComparer.Ordinal)],
            changed,
            [.. before.Keys.Where(name => !after.ContainsKey(name)).Order(StringComparer.Ordinal)],
            Properties(Json(current with { Servers = [] }), Json(proposed with { Servers = [] })));
    }

    /// <summary>Whether a server's document changes: compared as written, since its lists compare by reference.</summary>
    public static bool Differs(ServerSpec before, ServerSpec after) =>
        JsonSerializer.Serialize(before, FleetSpecReader.Options) != JsonSerializer.Serialize(after, FleetSpecReader.Options);

    /// <summary>Whether anything but the servers changes: regions, gateways, networks, key vaults, the model.</summary>
    public static bool SettingsDiffer(FleetSpec before, FleetSpec after) =>
        JsonSerializer.Serialize(before with { Servers = [] }, FleetSpecReader.Options) != JsonSerializer.Serialize(after with { Servers = [] }, FleetSpecReader.Options);

    private static List<string> Changes(ServerSpec before, ServerSpec after)
    {
        var changes = Properties(Json(before with { FirewallRules = [] }), Json(after with { FirewallRules = [] })).Select(name => $"~ {name}").ToList();
        var oldRules = before.FirewallRules.ToDictionary(r => r.Name!, r => $"{r.StartIpAddress}-{r.EndIpAddress}", StringComparer.Ordinal);
        var newRules = after.FirewallRules.ToDictionary(r => r.Name!, r => $"{r.StartIpAddress}-{r.EndIpAddress}", StringComparer.Ordinal);
        foreach (var (name, range) in newRules.Where(r => !oldRules.ContainsKey(r.Key)))
            changes.Add($"+ firewall rule '{name}' {range}");
        foreach (var (name, range) in newRules.Where(r => oldRules.TryGetValue(r.Key, out var old) && old != r.Value))
            changes.Add($"~ firewall rule '{name}' {oldRules[name]} -> {range}");
        foreach (var (name, range) in oldRules.Where(r => !newRules.ContainsKey(r.Key)))
            changes.Add($"- firewall rule '{name}' {range}");
        return changes;
    }

    /// <summary>The names of the top-level properties whose values differ (never the values: passwords are among them).</summary>
    private static List<string> Properties(JsonElement before, JsonElement after)
    {
        var names = before.EnumerateObject().Select(p => p.Name).Union(after.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
        return [.. names.Where(name => Text(before, name) != Text(after, name))];
    }

    private static string? Text(JsonElement json, string name) => json.TryGetProperty(name, out var value) ? value.GetRawText() : null;

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value, FleetSpecReader.Options);
}
