using System.Diagnostics;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>The load tests' program, built beside these tests in the same configuration, run as a person runs it.</summary>
internal static class LoadTestsProgram
{
    public static async Task<Run> RunAsync(params string[] args)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository };
        start.ArgumentList.Add(Path.Combine(Repository, "loadtests", "FleetSim.LoadTests", "bin", configuration, "net10.0", "FleetSim.LoadTests.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Its silos die with it: they are its children.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
