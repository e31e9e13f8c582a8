namespace FleetSim.Harness;

/// <summary>Shows a run's progress: started, updated at each tick (at least once a second), finished.</summary>
internal interface IRunView
{
    void Start(string testName, TimeSpan? planned);

    void Update(ProgressSnapshot snapshot);

    Task FinishAsync(RunResult result);
}
