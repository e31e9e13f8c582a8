using FleetSim.AuditStore;
using FleetSim.Client.Attempts;
using FleetSim.Contracts.Connections;
using FleetSim.Policy.Network;
using FleetSim.Policy.Threats;
using FleetSim.Policy.WhatIf;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Cli.Attempts;

/// <summary>
/// The attempts a policy experiment replays: an attempts file (JSON Lines, as `check` reads), or
/// the gateway connection log of an audit store (a SQLite file or a redis:// location). A log
/// holds no password, so each replayed attempt carries whether it authenticated when recorded.
/// </summary>
public sealed record Traffic(IReadOnlyList<Attempt> Attempts, IReadOnlyList<bool?>? RecordedAuthentication)
{
    private const int BatchSize = 8192;

    /// <summary>Whether the attempts come from a recorded log (then authentication is taken as recorded).</summary>
    public bool Recorded => RecordedAuthentication is not null;

    /// <summary>The security alerts the store holds for the same window (none for an attempts file).</summary>
    public IReadOnlyList<SecurityAlert> Alerts { get; init; } = [];

    /// <summary>Attempt <paramref name="index"/> as the policy engine takes it.</summary>
    public ConnectionAttempt ToConnectionAttempt(int index) => ToConnectionAttempt(Attempts[index]);

    public static ConnectionAttempt ToConnectionAttempt(Attempt attempt)
    {
        var (request, pinned) = AttemptFile.ToRequest(attempt);
        return ConnectRequests.ToAttempt(request) with { GatewayIp = pinned is null ? null : Ipv4.Parse(pinned) };
    }

    /// <summary>An attempt decided under a fleet: by its password, or, replayed from a log, by authentication as recorded.</summary>
    public Decision Decide(FleetDecisions fleet, ConnectionAttempt attempt, int index)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return RecordedAuthentication is { } recorded ? fleet.Replay(attempt, recorded[index]) : fleet.Decide(attempt);
    }

    /// <summary>The same, under a current and a proposed fleet.</summary>
    public (Decision Before, Decision After) Decide(FleetComparison fleets, ConnectionAttempt attempt, int index)
    {
        ArgumentNullException.ThrowIfNull(fleets);
        return RecordedAuthentication is { } recorded ? fleets.Replay(attempt, recorded[index]) : fleets.Decide(attempt);
    }

    /// <summary>Reads the traffic a source names; an attempts file is validated against <paramref name="current"/>, a log is taken as recorded.</summary>
    /// <param name="onBatch">
    /// For a store, called with each batch of replayed attempts (its first index, the attempts, the
    /// recorded authentication) on a worker while the next batch is read: the store has one reader,
    /// so deciding meanwhile uses the other cores. All calls have ended when this returns.
    /// </param>
    public static async Task<Traffic> ReadAsync(string source, FleetSpec current, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken,
        Action<int, Attempt[], bool?[]>? onBatch = null)
    {
        if (!IsStore(source))
        {
            if (since is not null || until is not null)
                throw new InputException([$"--since/--until: they limit a replayed audit store; {source} is an attempts file (give each attempt an \"at\" and cut the file instead)"]);
            if (!File.Exists(source))
                throw new InputException([$"--traffic: {source}: no such file (an attempts file, a SQLite audit store or a redis:// location)"]);
            return new Traffic(AttemptFile.Read(source, current).Attempts, null);
        }
        await using var store = AuditStores.Open(source, forQueries: true);
        var attempts = new List<Attempt>();
        var authenticated = new List<bool?>();
        var where = AuditStores.Display(source);
        var batches = new List<Task>();
        var start = 0;
        void Hand(int end)
        {
            if (onBatch is null || end == start)
                return;
            var (first, batch, recorded) = (start, attempts.GetRange(start, end - start).ToArray(), authenticated.GetRange(start, end - start).ToArray());
            batches.Add(Task.Run(() => onBatch(first, batch, recorded), cancellationToken));
            start = end;
        }
        await foreach (var entry in store.ReplayGatewayAsync(since, until, cancellationToken))
        {
            attempts.Add(ToAttempt(entry, where));
            authenticated.Add(entry.Decision.Authenticated);
            if (attempts.Count - start == BatchSize)
                Hand(attempts.Count);
        }
        Hand(attempts.Count);
        await Task.WhenAll(batches);
        var alerts = await store.AlertsAsync(new AuditQuery { Since = since, Until = until, Limit = -1 }, cancellationToken);
        return new Traffic(attempts, authenticated) { Alerts = alerts };
    }

    /// <summary>A redis:// location, or a file that starts as every SQLite database does.</summary>
    public static bool IsStore(string source)
    {
        if (AuditStores.IsRedis(source))
            return true;
        if (!File.Exists(source))
            return false;
        Span<byte> header = stackalloc byte[16];
        using var file = File.OpenRead(source);
        return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
            && header.SequenceEqual("SQLite format 3\0"u8);
    }

    /// <summary>The attempt a log entry records: the host dialled (or the pinned gateway), the login and source as sent.</summary>
    private static Attempt ToAttempt(LoggedDecision entry, string store)
    {
        var d = entry.Decision;
        // Kept in the attempts file's form (SentSources): read straight back into it.
        var source = AttemptFile.ParseSource(d.SentSource!, out var problem)
            ?? throw new InputException([$"{store}: gateway log entry {entry.Id}: {problem}"]);
        return new Attempt
        {
            Id = entry.Id,
            Host = d.Host,
            GatewayIp = d.Host is null ? d.Gateway : null,
            User = d.User,
            Tls = d.Tls!.Value.ToOffered(),
            Source = source,
            App = d.App,
            Database = d.Database,
            At = d.Time,
        };
    }
}
