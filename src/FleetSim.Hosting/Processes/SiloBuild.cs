namespace FleetSim.Hosting.Processes;

/// <summary>
/// Where the FleetSim.Silo host's build output is, for programs of this repository that start silo
/// processes (tests, load tests). They build it as a project reference without referencing its
/// assembly, since a web host and a console program cannot share one output folder.
/// </summary>
public static class SiloBuild
{
    /// <summary>
    /// The silo built in the same repository and configuration as the running program, whose own
    /// output is <c>&lt;project&gt;/bin/&lt;Configuration&gt;/net10.0</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The silo has not been built in that configuration.</exception>
    public static string BesideRunningProgram()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var folder = Path.Combine(Repository(output), "src", "FleetSim.Silo", "bin", configuration, output.Name);
        return File.Exists(Path.Combine(folder, LocalSiloProcess.AssemblyName))
            ? folder
            : throw new FileNotFoundException($"the silo is not built in {folder}: run `dotnet build src/FleetSim.Silo -c {configuration}`");
    }

    /// <summary>The repository's root: the folder above <paramref name="start"/> that holds FleetSim.sln.</summary>
    public static string Repository(DirectoryInfo start)
    {
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "FleetSim.sln")))
                return folder.FullName;
        }
        throw new DirectoryNotFoundException($"FleetSim.sln not found above {start.FullName}");
    }
}
