using System.Diagnostics;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// Debian's MariaDB programs the baseline runs (mariadbd, mariadb-install-db, mariadb-slap), found
/// on PATH or in /usr/sbin, and installed with apt-get (package mariadb-server) when missing and
/// the benchmark runs as root.
/// </summary>
public sealed record MariaDbPrograms(string Server, string InstallDb, string Slap)
{
    public const string Package = "mariadb-server";

    /// <summary>mariadb-slap alone (package mariadb-client), for a run without the real server.</summary>
    public static string? FindSlap() => Find("mariadb-slap");

    /// <exception cref="MariaDbUnavailableException">They are missing and cannot be installed here.</exception>
    public static async Task<MariaDbPrograms> FindOrInstallAsync(CancellationToken cancellationToken)
    {
        if (Found() is { } found)
            return found;
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            throw new MariaDbUnavailableException($"mariadbd is not installed and this is not root: install it (sudo apt-get install {Package}), or pass --fleetsim-only");
        Console.Error.WriteLine($"mariadbd is missing: installing {Package} (Debian package) with apt-get for the baseline");
        // A cached package list may name versions the mirror no longer has: update once and retry.
        var failure = await AptGetAsync(["install", "-y", "-qq", "--no-install-recommends", Package], cancellationToken);
        if (failure is not null)
        {
            failure = await AptGetAsync(["update", "-qq"], cancellationToken)
                ?? await AptGetAsync(["install", "-y", "-qq", "--no-install-recommends", Package], cancellationToken);
        }
        if (failure is not null)
            throw new MariaDbUnavailableException($"could not install {Package} with apt-get ({failure}); install it yourself, or pass --fleetsim-only");
        return Found() ?? throw new MariaDbUnavailableException($"{Package} is installed but mariadbd, mariadb-install-db or mariadb-slap is still not found on PATH or in /usr/sbin");
    }

    private static MariaDbPrograms? Found() =>
        Find("mariadbd") is { } server && Find("mariadb-install-db") is { } installDb && Find("mariadb-slap") is { } slap
            ? new(server, installDb, slap)
            : null;

    private static string? Find(string program)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/sbin").Append("/usr/bin");
        return folders.Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
    }

    /// <returns>Null when apt-get succeeded, else its exit code and last line.</returns>
    private static async Task<string?> AptGetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // No questions, and (where policy-rc.d allows it) no service started: the benchmark starts its own server.
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var apt = Process.Start(start)!;
            var output = apt.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = apt.StandardError.ReadToEndAsync(cancellationToken);
            await apt.WaitForExitAsync(cancellationToken);
            var last = (await errors + await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return apt.ExitCode == 0 ? null : $"apt-get {arguments[0]}: exit code {apt.ExitCode}: {last}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"apt-get: {e.Message}";
        }
    }
}
