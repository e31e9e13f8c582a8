namespace FleetSim.Harness;

/// <summary>Which report files a run writes.</summary>
[Flags]
public enum ReportFormats
{
    /// <summary>No files.</summary>
    None = 0,

    /// <summary>A self-contained HTML page with charts over time (inline SVG).</summary>
    Html = 1,

    /// <summary>Markdown tables, for pull requests and issues.</summary>
    Markdown = 2,

    /// <summary>_stats.csv (final figures), _stats_history.csv (one row per interval, as Locust's) and _outcomes.csv (outcomes by reason).</summary>
    Csv = 4,

    /// <summary>Everything, machine-readable.</summary>
    Json = 8,

    /// <summary>The end-of-run summary as text.</summary>
    Text = 16,

    /// <summary>Every format.</summary>
    All = Html | Markdown | Csv | Json | Text,
}
