using Spectre.Console;

namespace FleetSim.Harness;

/// <summary>
/// A live table on the terminal (Spectre.Console), redrawn four times a second from the latest
/// tick: elapsed time, each scenario's current rate and p99, outcomes and active copies.
/// </summary>
internal sealed class LiveConsoleView : IRunView, IDisposable
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _done = new();
    private volatile ProgressSnapshot? _latest;
    private string _testName = "";
    private TimeSpan? _planned;
    private Task _display = Task.CompletedTask;

    public void Start(string testName, TimeSpan? planned)
    {
        _testName = testName;
        _planned = planned;
        _display = Task.Run(() => AnsiConsole.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            while (!_done.IsCancellationRequested)
            {
                context.UpdateTarget(Render());
                context.Refresh();
                try
                {
                    await Task.Delay(s_refresh, _done.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            context.UpdateTarget(Render());
            context.Refresh();
        }));
    }

    public void Update(ProgressSnapshot snapshot) => _latest = snapshot;

    public async Task FinishAsync(RunResult result)
    {
        await _done.CancelAsync();
        await _display;
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Text(result.FormatSummary()));
    }

    public void Dispose() => _done.Dispose();

    private Table Render()
    {
        var snapshot = _latest;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(_testName)}[/]  {Markup.Escape(ProgressText.Elapsed(snapshot?.Elapsed ?? TimeSpan.Zero, _planned))}")
            .AddColumn("scenario")
            .AddColumn("state")
            .AddColumn(new TableColumn("rate").RightAligned())
            .AddColumn(new TableColumn("p99").RightAligned())
            .AddColumn(new TableColumn("ok").RightAligned())
            .AddColumn(new TableColumn("fail").RightAligned())
            .AddColumn(new TableColumn("dropped").RightAligned())
            .AddColumn(new TableColumn("copies").RightAligned())
            .AddColumn("outcomes");
        foreach (var scenario in snapshot?.Scenarios ?? [])
        {
            table.AddRow(
                new Text(scenario.Name),
                new Text(ProgressText.State(scenario)),
                new Text(ProgressText.Rate(scenario.CurrentRps)),
                new Text(ProgressText.Milliseconds(scenario.CurrentP99Ms)),
                new Text(ProgressText.Count(scenario.OkCount)),
                new Markup(scenario.FailCount > 0 ? $"[red]{ProgressText.Count(scenario.FailCount)}[/]" : "0"),
                new Markup(scenario.DroppedCount > 0 ? $"[yellow]{ProgressText.Count(scenario.DroppedCount)}[/]" : "0"),
                new Text(scenario.ActiveCopies.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(ProgressText.Outcomes(scenario.Outcomes)));
        }
        if (snapshot?.AbortReason is { } reason)
            table.Caption($"[yellow]stopping: {Markup.Escape(reason)}[/]");
        return table;
    }
}
