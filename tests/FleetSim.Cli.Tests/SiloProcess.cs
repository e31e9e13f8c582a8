using FleetSim.Hosting.Processes;

namespace FleetSim.Cli.Tests;

/// <summary>Silo processes for the tests: the silo built beside them, each in a fresh temporary folder unless told otherwise.</summary>
public static class SiloProcess
{
    private static string BuildFolder { get; } = SiloBuild.BesideRunningProgram();

    /// <summary>Starts a silo; with <paramref name="folder"/> it reuses an earlier silo's data (a restart).</summary>
    public static Task<LocalSiloProcess> StartAsync(string? folder = null, int? gatewayPort = null, IReadOnlyDictionary<string, string>? environment = null) =>
        LocalSiloProcess.StartAsync(BuildFolder, folder ?? Directory.CreateTempSubdirectory("fleetsim-silo-test-").FullName, gatewayPort, environment,
            TestContext.Current.CancellationToken);
}
