namespace FleetSim.Harness;

/// <summary>A run's settings, as the <see cref="LoadRunner"/> builder gathered them.</summary>
internal sealed record RunOptions(
    string TestName,
    IReadOnlyList<Scenario> Scenarios,
    IReadOnlyList<Threshold> Thresholds,
    string? ReportFolder,
    string ReportFileName,
    ReportFormats ReportFormats,
    TimeSpan ReportingInterval,
    ConsoleMode ConsoleMode,
    TimeProvider Time,
    TimeSpan GracefulStopTimeout,
    Func<CancellationToken, Task<IEnumerable<SummaryNote>>>? SummaryNotes,
    TextWriter? PlainOutput = null);
