using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MySqlConnector;

namespace FleetSim.LoadTests.Wire;

/// <summary>One round of MySqlConnector (Pooling=false) against a server: its client process started, its measured window bracketed by the server's CPU.</summary>
public static class ConnectorRound
{
    public static async Task<WireRound> MeasureAsync(WireTarget target, bool tls, int concurrency, TimeSpan warmUp, TimeSpan length, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnectionStringBuilder
        {
            Server = target.Endpoint.Address.ToString(),
            Port = (uint)target.Endpoint.Port,
            UserID = target.User,
            Password = target.Password,
            SslMode = tls ? MySqlSslMode.Required : MySqlSslMode.None,
            Pooling = false,
            ConnectionTimeout = 30,
        };
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[typeof(ConnectorLoad).Assembly.Location, ConnectorLoad.Verb, connection.ConnectionString,
            concurrency.ToString(CultureInfo.InvariantCulture), warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture), length.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }
        using var client = Process.Start(start)!;
        var errors = client.StandardError.ReadToEndAsync(cancellationToken);
        var serverCpu = TimeSpan.Zero;
        ConnectorLoad.ClientReport? report = null;
        try
        {
            while (await client.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line == ConnectorLoad.MeasuringLine)
                    serverCpu = target.ServerCpu();
                else if (line.StartsWith('{'))
                {
                    serverCpu = target.ServerCpu() - serverCpu;
                    report = JsonSerializer.Deserialize<ConnectorLoad.ClientReport>(line);
                }
            }
            await client.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            if (!client.HasExited)
                client.Kill(entireProcessTree: true);
        }
        if (report is null || client.ExitCode != 0)
            return WireRound.Failed($"the MySqlConnector client exited with code {client.ExitCode}: {(await errors).Trim()}");
        return new WireRound(report.Connections, report.Seconds, report.CpuSeconds, serverCpu.TotalSeconds, report.Errors, report.FirstError);
    }
}
