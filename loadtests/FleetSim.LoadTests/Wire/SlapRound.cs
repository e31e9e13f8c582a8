using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// One round of `mariadb-slap --detach=1` (connect, `select 1`, disconnect, per query) without TLS
/// against a server. Its CPU is read from the shell that runs it (`times`: the children's user and
/// system time), as the process's rusage is gone once it has been waited for.
/// </summary>
public static partial class SlapRound
{
    /// <summary>Queries per client in the calibration round, which also warms the server up.</summary>
    private const int CalibrationQueriesPerClient = 40;

    /// <summary>Queries that make a round of about <paramref name="length"/> at the rate a calibration round showed (a whole number per client).</summary>
    public static async Task<int> CalibrateAsync(string slap, WireTarget target, string database, int concurrency, TimeSpan length, CancellationToken cancellationToken)
    {
        var calibration = await MeasureAsync(slap, target, database, concurrency, concurrency * CalibrationQueriesPerClient, cancellationToken);
        var rate = calibration.Seconds > 0 ? calibration.Connections / calibration.Seconds : 0;
        var perClient = Math.Max(10, (int)Math.Ceiling(rate * length.TotalSeconds / concurrency));
        return perClient * concurrency;
    }

    public static async Task<WireRound> MeasureAsync(string slap, WireTarget target, string database, int concurrency, int queries, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", """ "$0" "$@"; status=$?; times; exit $status """, slap,
            "--no-defaults", "--protocol=TCP", $"--host={target.Endpoint.Address}", $"--port={target.Endpoint.Port}",
            $"--user={target.User}", $"--password={target.Password}", "--skip-ssl",
            $"--concurrency={concurrency}", $"--number-of-queries={queries}", "--detach=1", "--iterations=1",
            "--query=select 1", $"--create-schema={database}"])
        {
            start.ArgumentList.Add(argument);
        }
        var serverCpu = target.ServerCpu();
        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = run.StandardError.ReadToEndAsync(cancellationToken);
        await run.WaitForExitAsync(cancellationToken);
        serverCpu = target.ServerCpu() - serverCpu;
        var text = await output;
        var seconds = AverageSeconds().Match(text);
        var times = ChildTimes().Matches(text);
        if (run.ExitCode != 0 || !seconds.Success || times.Count == 0)
            return WireRound.Failed($"mariadb-slap exited with code {run.ExitCode}: {(await errors).Trim()} {text.Trim()}");
        // `times` prints the shell's own times, then its children's: the last line is mariadb-slap's.
        var children = times[^1].Groups;
        var clientCpu = Seconds(children["um"].Value, children["us"].Value) + Seconds(children["sm"].Value, children["ss"].Value);
        return new WireRound(queries, double.Parse(seconds.Groups[1].Value, CultureInfo.InvariantCulture), clientCpu, serverCpu.TotalSeconds);
    }

    private static double Seconds(string minutes, string seconds) =>
        (int.Parse(minutes, CultureInfo.InvariantCulture) * 60) + double.Parse(seconds, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Average number of seconds to run all queries: ([0-9.]+) seconds")]
    private static partial Regex AverageSeconds();

    [GeneratedRegex(@"^(?<um>\d+)m(?<us>[0-9.]+)s (?<sm>\d+)m(?<ss>[0-9.]+)s$", RegexOptions.Multiline)]
    private static partial Regex ChildTimes();
}
