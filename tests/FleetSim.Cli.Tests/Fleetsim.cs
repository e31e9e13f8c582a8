using System.Diagnostics;

namespace FleetSim.Cli.Tests;

/// <summary>Runs the real fleetsim program as a separate process, as a user would.</summary>
public static class Fleetsim
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static string Repository { get; } = FindRepository();

    public static string Sample(string name) => Path.Combine(Repository, "samples", name);

    /// <summary>
    /// For processes that reach a silo process: on a small machine busy with the rest of the suite
    /// (or twenty clients starting at once), connecting takes longer than the CLI waits for a
    /// person (15 s); they are given the patience a machine needs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Patient = new Dictionary<string, string> { ["FLEETSIM_CONNECT_TIMEOUT"] = "600" };

    public static Task<Run> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <param name="environment">Variables set for the child process only, e.g. TMPDIR.</param>
    /// <param name="args">The command line after `fleetsim`.</param>
    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fleetsim.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes a file for one test into a fresh temporary folder.</summary>
    public static string TempFile(string name, string content)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-cli-test-");
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetSim.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("FleetSim.sln not found above " + AppContext.BaseDirectory);
    }
}
