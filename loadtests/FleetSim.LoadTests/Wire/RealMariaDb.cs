using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FleetSim.Wire.Tls;
using MySqlConnector;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// The baseline: one real MariaDB server (Debian's mariadbd, its defaults), in a data folder of its
/// own, on a free loopback port, with the same certificate and key as FleetSim's listener, an
/// account with a password and GRANT ALL, and the database mariadb-slap works in. Disposing stops
/// it (killed: its data folder is thrown away) and deletes the folder.
/// </summary>
public sealed class RealMariaDb : IAsyncDisposable
{
    public const string User = "bench";
    public const string Password = "B3nch!pw2026";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _server;
    private readonly string _folder;

    private RealMariaDb(Process server, string folder, IPEndPoint endpoint, string version)
    {
        _server = server;
        _folder = folder;
        Version = version;
        Target = new WireTarget(WireTarget.MariaDb, endpoint, User, Password, ServerCpu);
        // A run ended by Ctrl+C or an unhandled error must not leave a server behind.
        AppDomain.CurrentDomain.ProcessExit += StopOnExit;
    }

    public WireTarget Target { get; }

    /// <summary>As the server reports it (@@version).</summary>
    public string Version { get; }

    /// <exception cref="MariaDbUnavailableException">It did not initialise, start or accept the setup.</exception>
    public static async Task<RealMariaDb> StartAsync(MariaDbPrograms programs, ServerCertificates certificates, string database, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-wire-mariadb-").FullName;
        Process? server = null;
        try
        {
            var data = Path.Combine(folder, "data");
            await RunToEndAsync(programs.InstallDb, ["--no-defaults", $"--datadir={data}", "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db"], cancellationToken);

            var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
            var errorLog = Path.Combine(folder, "error.log");
            // --no-defaults: the distribution's my.cnf (its socket, its log files) stays out of the run.
            var start = new ProcessStartInfo(programs.Server) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])["--no-defaults", $"--datadir={data}", "--user=root", $"--port={endpoint.Port}", "--bind-address=127.0.0.1",
                $"--socket={Path.Combine(folder, "sock")}", $"--pid-file={Path.Combine(folder, "mariadbd.pid")}", $"--log-error={errorLog}",
                $"--ssl-cert={certificates.CertificatePath}", $"--ssl-key={certificates.KeyPath}"])
            {
                start.ArgumentList.Add(argument);
            }
            server = Process.Start(start) ?? throw new MariaDbUnavailableException($"{programs.Server} did not start");
            var version = await SetUpAsync(server, endpoint, errorLog, database, cancellationToken);
            return new RealMariaDb(server, folder, endpoint, version);
        }
        catch
        {
            Stop(server);
            DeleteFolder(folder);
            throw;
        }
    }

    private TimeSpan ServerCpu()
    {
        _server.Refresh();
        return _server.TotalProcessorTime;
    }

    /// <summary>
    /// Waits for the server to accept root (no password, from 127.0.0.1), then drops the anonymous
    /// accounts (''@'localhost' would shadow the benchmark's account for clients on 127.0.0.1) and
    /// creates the account and the database.
    /// </summary>
    private static async Task<string> SetUpAsync(Process server, IPEndPoint endpoint, string errorLog, string database, CancellationToken cancellationToken)
    {
        var root = new MySqlConnectionStringBuilder { Server = endpoint.Address.ToString(), Port = (uint)endpoint.Port, UserID = "root", SslMode = MySqlSslMode.None, Pooling = false, ConnectionTimeout = 5 }.ConnectionString;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (server.HasExited)
                throw new MariaDbUnavailableException($"mariadbd exited with code {server.ExitCode} while starting: {LastLines(errorLog)}");
            try
            {
                await using var connection = new MySqlConnection(root);
                await connection.OpenAsync(cancellationToken);
                await using var setup = new MySqlCommand($"""
                    DELETE FROM mysql.global_priv WHERE User = '';
                    FLUSH PRIVILEGES;
                    CREATE USER '{User}'@'%' IDENTIFIED BY '{Password}';
                    GRANT ALL ON *.* TO '{User}'@'%';
                    CREATE DATABASE `{database}`;
                    """, connection);
                await setup.ExecuteNonQueryAsync(cancellationToken);
                await using var version = new MySqlCommand("SELECT @@version", connection);
                return (string)(await version.ExecuteScalarAsync(cancellationToken))!;
            }
            catch (MySqlException) when (waited.Elapsed < StartTimeout && !server.HasExited)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (MySqlException e)
            {
                throw new MariaDbUnavailableException($"mariadbd at {endpoint} did not accept the benchmark's setup within {StartTimeout.TotalSeconds:0} s: {e.Message}; {LastLines(errorLog)}", e);
            }
        }
    }

    private static async Task RunToEndAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new MariaDbUnavailableException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new MariaDbUnavailableException($"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {(await errors).Trim()} {(await output).Trim()}");
    }

    /// <summary>A port the system just handed out and took back: mariadbd binds it itself.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static string LastLines(string file) =>
        File.Exists(file) ? string.Join(" | ", File.ReadLines(file).TakeLast(3)) : $"no {file}";

    private static void Stop(Process? server)
    {
        if (server is null)
            return;
        try
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
        server.Dispose();
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void StopOnExit(object? sender, EventArgs e) => Stop(_server);

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        Stop(_server);
        DeleteFolder(_folder);
        return ValueTask.CompletedTask;
    }
}
