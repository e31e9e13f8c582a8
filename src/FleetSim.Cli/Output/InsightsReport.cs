using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text;
using FleetSim.Client.Output;
using FleetSim.Policy.Insights;

namespace FleetSim.Cli.Output;

/// <summary>
/// `insights --report DIR`: the findings as insights.json (for tools), insights.md and
/// insights.html (for people, with a chart of findings by kind; every name from a fleet or the
/// traffic is escaped).
/// </summary>
public static class InsightsReport
{
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<Finding> findings, string scope)
    {
        Directory.CreateDirectory(folder);
        var byKind = findings.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, Count: g.Count())).ToList();
        var files = new[] { Path.Combine(folder, "insights.json"), Path.Combine(folder, "insights.md"), Path.Combine(folder, "insights.html") };
        File.WriteAllText(files[0], Json(findings, byKind, scope));
        File.WriteAllText(files[1], Markdown(findings, byKind, scope));
        File.WriteAllText(files[2], Html(findings, byKind, scope));
        return files;
    }

    private static string Json(IReadOnlyList<Finding> findings, List<(string Kind, int Count)> byKind, string scope)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = DecisionLine.WriterOptions.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("scope", scope);
            json.WriteStartObject("byKind");
            foreach (var (kind, count) in byKind)
                json.WriteNumber(kind, count);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in findings)
                FindingLine.Write(json, finding);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Markdown(IReadOnlyList<Finding> findings, List<(string Kind, int Count)> byKind, string scope)
    {
        static string Cell(string? text) => (text ?? "").Replace("|", "\\|", StringComparison.Ordinal);
        var md = new StringBuilder();
        md.AppendLine("# insights").AppendLine().AppendLine(Cell(scope)).AppendLine();
        md.AppendLine("| kind | findings |").AppendLine("|---|---:|");
        foreach (var (kind, count) in byKind)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {count:N0} |");
        md.AppendLine().AppendLine("## Findings").AppendLine();
        md.AppendLine("| server | kind | rule | why | advice |").AppendLine("|---|---|---|---|---|");
        foreach (var f in findings)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {Cell(f.Server)} | {f.Kind} | {Cell(f.Rule)} | {Cell(f.Why)} | {Cell(f.Advice)} |");
        return md.ToString();
    }

    private static string Html(IReadOnlyList<Finding> findings, List<(string Kind, int Count)> byKind, string scope)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>insights</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;vertical-align:top}")
            .Append(".bar{background:#c84;height:10px;display:inline-block}</style></head><body>\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>insights</h1><p>{E(scope)}</p>\n<h2>By kind</h2><table>\n");
        var widest = Math.Max(1, byKind.Count == 0 ? 1 : byKind.Max(k => k.Count));
        foreach (var (kind, count) in byKind)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(kind)}</td><td>{count:N0} <span class=\"bar\" style=\"width:{300 * count / widest}px\"></span></td></tr>\n");
        html.Append("</table>\n<h2>Findings</h2><table><tr><th>server</th><th>kind</th><th>rule</th><th>why</th><th>advice</th></tr>\n");
        foreach (var f in findings)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Server)}</td><td>{E(f.Kind)}</td><td>{E(f.Rule)}</td><td>{E(f.Why)}</td><td>{E(f.Advice)}</td></tr>\n");
        return html.Append("</table></body></html>\n").ToString();
    }
}
