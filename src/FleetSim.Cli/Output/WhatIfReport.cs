using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FleetSim.Client.Output;
using FleetSim.Client.Attempts;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Cli.Output;

/// <summary>
/// `whatif --report DIR`: the changes and each rule's hits before and after, as whatif.json (for
/// tools), whatif.md and whatif.html (for people; every name from a fleet or an attempt is escaped).
/// </summary>
public static class WhatIfReport
{
    public sealed record RuleHits(string Server, string Rule, int Before, int After);

    private static readonly JsonSerializerOptions CamelCase = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="recorded">The attempts were replayed from a gateway log (authentication as recorded).</param>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<Attempt> attempts, (Decision Before, Decision After, DecisionChange Change)[] decisions, bool recorded = false)
    {
        var notCompared = "Not compared: max_connections and threat detection (they depend on sessions and history)."
            + (recorded ? " Replayed from a gateway log: authentication as recorded (the log holds no password)." : "");
        Directory.CreateDirectory(folder);
        var hits = Hits(decisions);
        var counts = Enum.GetValues<DecisionChange>().ToDictionary(c => c.Name(), c => decisions.Count(d => d.Change == c));
        var changed = Enumerable.Range(0, decisions.Length).Where(i => decisions[i].Change != DecisionChange.None).ToList();
        var files = new[] { Path.Combine(folder, "whatif.json"), Path.Combine(folder, "whatif.md"), Path.Combine(folder, "whatif.html") };
        File.WriteAllText(files[0], Json(attempts, decisions, counts, changed, hits));
        File.WriteAllText(files[1], Markdown(attempts, decisions, counts, changed, hits, notCompared));
        File.WriteAllText(files[2], Html(attempts, decisions, counts, changed, hits, notCompared));
        return files;
    }

    /// <summary>Attempts each rule allowed, under each fleet, busiest first.</summary>
    private static List<RuleHits> Hits((Decision Before, Decision After, DecisionChange Change)[] decisions)
    {
        static IEnumerable<(string, string)> Allowed(IEnumerable<Decision> all) =>
            all.Where(d => d.Verdict.Allowed && d.Verdict.Rule is not null).Select(d => (d.Server!, d.Verdict.Rule!));
        var before = Allowed(decisions.Select(d => d.Before)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        var after = Allowed(decisions.Select(d => d.After)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        return [.. before.Keys.Union(after.Keys)
            .Select(k => new RuleHits(k.Item1, k.Item2, before.GetValueOrDefault(k), after.GetValueOrDefault(k)))
            .OrderByDescending(h => Math.Max(h.Before, h.After)).ThenBy(h => h.Server, StringComparer.Ordinal).ThenBy(h => h.Rule, StringComparer.Ordinal)];
    }

    private static string Json(IReadOnlyList<Attempt> attempts, (Decision Before, Decision After, DecisionChange Change)[] decisions,
        Dictionary<string, int> counts, List<int> changed, List<RuleHits> hits)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = DecisionLine.WriterOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteNumber("attempts", decisions.Length);
            json.WriteStartObject("changes");
            foreach (var (name, count) in counts)
                json.WriteNumber(name, count);
            json.WriteEndObject();
            json.WriteStartArray("changed");
            foreach (var i in changed)
                WhatIfLine.Write(json, attempts[i], decisions[i].Before, decisions[i].After, decisions[i].Change);
            json.WriteEndArray();
            json.WritePropertyName("ruleHits");
            JsonSerializer.Serialize(json, hits, CamelCase);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Markdown(IReadOnlyList<Attempt> attempts, (Decision Before, Decision After, DecisionChange Change)[] decisions,
        Dictionary<string, int> counts, List<int> changed, List<RuleHits> hits, string notCompared)
    {
        static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);
        var md = new StringBuilder();
        md.AppendLine("# whatif").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{decisions.Length:N0} attempts: {string.Join(", ", counts.Select(c => $"{c.Value:N0} {c.Key}"))}.").AppendLine();
        md.AppendLine(notCompared).AppendLine();
        md.AppendLine("## Changes").AppendLine();
        md.AppendLine("| id | change | server | user | before | after |").AppendLine("|---|---|---|---|---|---|");
        foreach (var i in changed)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(attempts[i].Id)} | {decisions[i].Change.Name()} | {Cell(decisions[i].After.Server ?? decisions[i].Before.Server)} | {Cell(attempts[i].User)} | {Cell(Describe(decisions[i].Before))} | {Cell(Describe(decisions[i].After))} |");
        md.AppendLine().AppendLine("## Rule hits (attempts each rule allowed)").AppendLine();
        md.AppendLine("| server | rule | before | after |").AppendLine("|---|---|---:|---:|");
        foreach (var hit in hits)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(hit.Server)} | {Cell(hit.Rule)} | {hit.Before:N0} | {hit.After:N0} |");
        return md.ToString();
    }

    private static string Html(IReadOnlyList<Attempt> attempts, (Decision Before, Decision After, DecisionChange Change)[] decisions,
        Dictionary<string, int> counts, List<int> changed, List<RuleHits> hits, string notCompared)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>whatif</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}")
            .Append(".lost{color:#b00}.gained{color:#070}.changed{color:#a60}.bar{background:#58c;height:10px;display:inline-block}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>whatif</h1><p>{decisions.Length:N0} attempts: {E(string.Join(", ", counts.Select(c => $"{c.Value:N0} {c.Key}")))}. ");
        html.Append(E(notCompared)).Append("</p>\n<h2>Changes</h2><table><tr><th>id</th><th>change</th><th>server</th><th>user</th><th>before</th><th>after</th></tr>\n");
        foreach (var i in changed)
        {
            var change = decisions[i].Change.Name();
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(attempts[i].Id)}</td><td class=\"{change}\">{change}</td><td>{E(decisions[i].After.Server ?? decisions[i].Before.Server)}</td><td>{E(attempts[i].User)}</td><td>{E(Describe(decisions[i].Before))}</td><td>{E(Describe(decisions[i].After))}</td></tr>\n");
        }
        var widest = Math.Max(1, hits.Count == 0 ? 1 : hits.Max(h => Math.Max(h.Before, h.After)));
        html.Append("</table>\n<h2>Rule hits (attempts each rule allowed)</h2><table><tr><th>server</th><th>rule</th><th>before</th><th>after</th></tr>\n");
        foreach (var hit in hits)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(hit.Server)}</td><td>{E(hit.Rule)}</td>");
            foreach (var count in new[] { hit.Before, hit.After })
                html.Append(CultureInfo.InvariantCulture, $"<td>{count:N0} <span class=\"bar\" style=\"width:{200 * count / widest}px\"></span></td>");
            html.Append("</tr>\n");
        }
        return html.Append("</table></body></html>\n").ToString();
    }

    private static string Describe(Decision decision) =>
        decision.Verdict.Allowed ? $"Allowed ({decision.Verdict.Rule ?? "no rule"})" : $"{decision.Verdict.Reason} {decision.Verdict.Code}";
}
