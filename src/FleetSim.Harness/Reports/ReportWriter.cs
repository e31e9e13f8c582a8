namespace FleetSim.Harness;

/// <summary>Writes a run's reports into a folder; the runner calls it, and hosts may call it again (e.g. after adding notes).</summary>
public static class ReportWriter
{
    /// <summary>Writes the chosen formats as <c>{fileName}.html</c>, <c>.md</c>, <c>.json</c>, <c>.txt</c>, <c>_stats.csv</c>, <c>_stats_history.csv</c> and <c>_outcomes.csv</c>; returns the paths.</summary>
    public static IReadOnlyList<string> Write(RunResult result, string folder, string fileName = "report", ReportFormats formats = ReportFormats.All)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Save(string suffix, string content)
        {
            var path = Path.Combine(folder, fileName + suffix);
            File.WriteAllText(path, content);
            written.Add(path);
        }
        if (formats.HasFlag(ReportFormats.Html))
            Save(".html", HtmlReport.Render(result));
        if (formats.HasFlag(ReportFormats.Markdown))
            Save(".md", MarkdownReport.Render(result));
        if (formats.HasFlag(ReportFormats.Csv))
        {
            Save("_stats.csv", CsvStatsReport.Render(result));
            Save("_stats_history.csv", CsvHistoryReport.Render(result));
            Save("_outcomes.csv", CsvOutcomesReport.Render(result));
        }
        if (formats.HasFlag(ReportFormats.Json))
            Save(".json", JsonReport.Render(result));
        if (formats.HasFlag(ReportFormats.Text))
            Save(".txt", RunSummary.Format(result));
        return written;
    }
}
