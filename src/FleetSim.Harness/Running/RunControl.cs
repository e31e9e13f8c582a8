namespace FleetSim.Harness;

/// <summary>
/// The run's two stops: a graceful one (phases end, copies finish their iteration) triggered by an
/// abort or by the caller's token, and a hard one that cancels the iterations' own token.
/// </summary>
internal sealed class RunControl : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _hard = new();
    private readonly CancellationTokenRegistration _callerRegistration;
    private string? _abortReason;

    public RunControl(CancellationToken callerToken)
    {
        _callerRegistration = callerToken.Register(() =>
        {
            Abort("cancelled");
            _hard.Cancel();
        });
    }

    /// <summary>Cancelled when the run must stop starting iterations.</summary>
    public CancellationToken StopToken => _stop.Token;

    /// <summary>Cancelled when running iterations must give up too.</summary>
    public CancellationToken HardToken => _hard.Token;

    public bool Stopping => _stop.IsCancellationRequested;

    /// <summary>Why the run stopped early; the first reason wins.</summary>
    public string? AbortReason => Volatile.Read(ref _abortReason);

    public void Abort(string reason)
    {
        if (Interlocked.CompareExchange(ref _abortReason, reason, null) is not null)
            return;
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // An abandoned iteration finishing after the run: there is nothing left to stop.
        }
    }

    public void Dispose()
    {
        _callerRegistration.Dispose();
        _stop.Dispose();
        _hard.Dispose();
    }
}
