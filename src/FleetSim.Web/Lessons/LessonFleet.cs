using System.Text;
using FleetSim.Client.Attempts;
using FleetSim.Contracts.Connections;
using FleetSim.Hosting;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Web.Lessons;

/// <summary>
/// The fleet of the lessons that change a fleet (a rule change that waits out ruleChangeDelay, a
/// server with redirect on): its own embedded silo, started at the first such lesson and stopped
/// with the page, so the fleet on the map is never changed by a lesson.
/// </summary>
internal sealed class LessonFleet : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private EmbeddedSilo? _silo;
    private long _version;

    public async Task<(IFleetHost Host, long Version)> Get()
    {
        await _starting.WaitAsync();
        try
        {
            if (_silo is null)
            {
                var silo = await EmbeddedSilo.StartAsync();
                var provisioned = await ((IFleetHost)silo).ProvisionAsync(Spec());
                if (!provisioned.Succeeded)
                {
                    await silo.DisposeAsync();
                    throw new InvalidOperationException("the lessons fleet is not valid: " + string.Join("; ", provisioned.Errors));
                }
                (_silo, _version) = (silo, provisioned.Version);
            }
            return (_silo, Interlocked.Read(ref _version));
        }
        finally
        {
            _starting.Release();
        }
    }

    /// <summary>The version a change brought the fleet to: later attempts see it.</summary>
    public void Changed(long version) => InterlockedMax(ref _version, version);

    /// <summary>Sends one attempt, as a line of `check`'s attempts file, through the lessons fleet with its trace.</summary>
    public async Task<(Attempt Attempt, ConnectResult Result)> Try(string json)
    {
        var (host, version) = await Get();
        if (!AttemptFile.TryParse(Encoding.UTF8.GetBytes(json), out var attempt, out var error))
            throw new InvalidOperationException($"a lesson's attempt is not valid: {error}");
        var (request, pinned) = AttemptFile.ToRequest(attempt, explain: true);
        return (attempt, await host.Connector.Connect(request, pinned, version));
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        _starting.Dispose();
    }

    private static FleetSpec Spec()
    {
        using var stream = typeof(LessonFleet).Assembly.GetManifestResourceStream("FleetSim.Web.Lessons.lessons-fleet.json")!;
        using var reader = new StreamReader(stream);
        return FleetSpecReader.Read(reader.ReadToEnd(), "lessons-fleet.json");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Interlocked.Read(ref target);
        while (value > seen)
        {
            var was = Interlocked.CompareExchange(ref target, value, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }
}
