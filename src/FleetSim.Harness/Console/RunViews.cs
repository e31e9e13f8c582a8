namespace FleetSim.Harness;

/// <summary>Picks the view for a console mode.</summary>
internal static class RunViews
{
    public static IRunView Create(ConsoleMode mode, TextWriter? plainOutput = null) => mode switch
    {
        ConsoleMode.Off => new SilentView(),
        ConsoleMode.Plain => new PlainConsoleView(plainOutput ?? Console.Out),
        ConsoleMode.Live => new LiveConsoleView(),
        _ => Console.IsOutputRedirected ? new PlainConsoleView(Console.Out) : new LiveConsoleView(),
    };

    private sealed class SilentView : IRunView
    {
        public void Start(string testName, TimeSpan? planned)
        {
        }

        public void Update(ProgressSnapshot snapshot)
        {
        }

        public Task FinishAsync(RunResult result) => Task.CompletedTask;
    }
}
