using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using MySqlConnector;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// The MySqlConnector load client, run as a process of its own (the hidden verb `wire-client`) so
/// that its CPU is its own and a server in the benchmark's process does not share its thread pool:
/// CONCURRENCY workers each connect, run `select 1` and close, back to back; after a warm-up
/// (JIT, TLS), it prints <see cref="MeasuringLine"/>, measures, and prints a <see cref="ClientReport"/> as JSON.
/// </summary>
public static class ConnectorLoad
{
    public const string Verb = "wire-client";
    public const string MeasuringLine = "measuring";

    public sealed record ClientReport(long Connections, double Seconds, double CpuSeconds, long Errors, string? FirstError);

    /// <param name="args">CONNECTION-STRING CONCURRENCY WARM-UP-SECONDS SECONDS</param>
    public static int Run(string[] args)
    {
        if (args.Length != 4 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var concurrency)
            || !double.TryParse(args[2], CultureInfo.InvariantCulture, out var warmUp) || !double.TryParse(args[3], CultureInfo.InvariantCulture, out var seconds))
        {
            Console.Error.WriteLine($"usage: {Verb} CONNECTION-STRING CONCURRENCY WARM-UP-SECONDS SECONDS");
            return 2;
        }
        return RunAsync(args[0], concurrency, TimeSpan.FromSeconds(warmUp), TimeSpan.FromSeconds(seconds)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string connectionString, int concurrency, TimeSpan warmUp, TimeSpan length)
    {
        await Loop(connectionString, concurrency, warmUp);
        Console.WriteLine(MeasuringLine);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var (connections, seconds, errors, firstError) = await Loop(connectionString, concurrency, length);
        process.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new ClientReport(connections, seconds, (process.TotalProcessorTime - cpu).TotalSeconds, errors, firstError)));
        return 0;
    }

    private static async Task<(long Connections, double Seconds, long Errors, string? FirstError)> Loop(string connectionString, int concurrency, TimeSpan length)
    {
        long connections = 0, errors = 0;
        string? firstError = null;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (stopwatch.Elapsed < length)
            {
                try
                {
                    await using var connection = new MySqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using (var select = new MySqlCommand("select 1", connection))
                        await select.ExecuteScalarAsync();
                    await connection.CloseAsync();
                    Interlocked.Increment(ref connections);
                }
                catch (Exception e) when (e is MySqlException or IOException or SocketException or TimeoutException or InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        })));
        return (connections, stopwatch.Elapsed.TotalSeconds, errors, firstError);
    }
}
