using System.Diagnostics;
using System.Globalization;

namespace FleetSim.Cli.Tests;

/// <summary>
/// The real `mariadb` command-line client (Debian's mariadb-client), run against a listener of a
/// serve process as a user would paste it: TLS with serve's CA unless told otherwise.
/// </summary>
public static class MariaDbClient
{
    public const string Program = "mariadb";

    // A guard against a hung client, not an assertion.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>The line the client printed for an error, e.g. `ERROR 9000 (HY000): Client with IP address ...` (its last: a failed statement is echoed before it).</summary>
        public string Error => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

        /// <summary>Result rows, tab-separated as --batch prints them, without the column names.</summary>
        public string[] Rows => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Logs in, runs <paramref name="sql"/> and quits, as `mariadb -e` does.</summary>
    /// <param name="password">Null: no password given (the client then says "using password: NO").</param>
    /// <param name="options">More client options: -D db, --skip-ssl, --tls-version=...</param>
    public static Task<Run> RunAsync(ServeProcess serve, int port, string user, string? password, string sql, params string[] options) =>
        RunAsync(Start(serve, port, user, password, [.. options, "-e", sql]));

    /// <summary>Logs in and runs <paramref name="script"/> read from its standard input, as `mariadb &lt; script.sql` does.</summary>
    public static Task<Run> RunScriptAsync(ServeProcess serve, int port, string user, string? password, string script, params string[] options) =>
        RunAsync(Start(serve, port, user, password, options), script);

    /// <summary>Runs a command line as a user pastes it into a shell (bash), with <paramref name="sql"/> given by -e.</summary>
    public static async Task<Run> RunPastedAsync(string commandLine, string sql)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{commandLine} -e \"{sql}\"");
        return await RunAsync(start);
    }

    /// <summary>A client that stays logged in (reading statements from its standard input) until disposed.</summary>
    /// <exception cref="InvalidOperationException">The login failed; the message holds the client's error.</exception>
    public static Task<HeldSession> HoldAsync(ServeProcess serve, int port, string user, string password) =>
        HeldSession.StartAsync(Start(serve, port, user, password, ["--unbuffered"]));

    private static ProcessStartInfo Start(ServeProcess serve, int port, string user, string? password, string[] options)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-defaults: no ~/.my.cnf of whoever runs the tests; --batch --skip-column-names: rows only.
        string[] args = ["--no-defaults", "--batch", "--skip-column-names", "-h", "127.0.0.1", "-P", port.ToString(CultureInfo.InvariantCulture),
            "-u", user, $"--ssl-ca={serve.CaPath}", "--connect-timeout=60", .. options];
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        if (password is not null)
            start.ArgumentList.Add($"--password={password}");
        return start;
    }

    private static async Task<Run> RunAsync(ProcessStartInfo start, string input = "")
    {
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(patience.Token);
        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
