using System.Diagnostics;
using System.Globalization;

namespace FleetSim.Cli.Output;

/// <summary>
/// With FLEETSIM_PHASES=1, how long each phase of a command took (wall time, and the process's CPU
/// time, since the machine may be shared), on standard error: where a slow run's time goes.
/// </summary>
public sealed class PhaseClock
{
    private readonly bool _on = Environment.GetEnvironmentVariable("FLEETSIM_PHASES") == "1";
    private Stopwatch _wall = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public void Lap(string phase)
    {
        if (!_on)
            return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"phase {phase}: {_wall.Elapsed.TotalSeconds:0.000} s wall, {(cpu - _cpu).TotalSeconds:0.000} s cpu, {GC.GetTotalMemory(false) / 1e6:0} MB managed"));
        (_cpu, _wall) = (cpu, Stopwatch.StartNew());
    }
}
