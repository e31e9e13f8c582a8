using System.CommandLine;
using System.Globalization;
using FleetSim.AuditStore;
using FleetSim.Cli.Output;
using FleetSim.Policy.Spec;
using FleetSim.Grains;

namespace FleetSim.Cli.Commands;

/// <summary>`fleetsim audit query|stats` and `fleetsim alerts`: reading what a run left in its audit store.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var audit = new Command("audit", "Read the audit store a check or run wrote: server audit logs (MySqlAuditLogs) and the gateway connection log.");
        audit.Subcommands.Add(Query());
        audit.Subcommands.Add(Stats());
        return audit;
    }

    public static Command Alerts()
    {
        var options = new QueryOptions();
        var command = new Command("alerts", """
            List the security alerts threat protection raised (SQL.MariaDB_BruteForce, ...), oldest first.
            Example: fleetsim alerts --store audit.db --severity High
            """);
        options.AddTo(command, withEvent: false);
        var severity = new Option<string?>("--severity") { Description = "Only alerts of this severity: Low, Medium or High." };
        command.Options.Add(severity);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (store, query, format) = options.Read(parse);
            await using var _ = store;
            var wanted = parse.GetValue(severity);
            var alerts = (await store.AlertsAsync(query, cancellationToken)).Where(a => wanted is null || a.Severity.ToString() == wanted).ToList();
            new Rows(["at", "alert", "severity", "server", "ip", "user", "description"],
                [.. alerts.Select(a => (IReadOnlyList<object?>)[a.At, a.AlertType, a.Severity.ToString(), a.Server, a.Ip, a.User, a.Description])])
                .Write(format, Console.Out);
            return 0;
        }));
        return command;
    }

    private static Command Query()
    {
        var options = new QueryOptions();
        var log = new Option<string>("--log") { Description = "server: the servers' audit logs; gateway: every gateway decision, denials included.", DefaultValueFactory = _ => "server" };
        log.AcceptOnlyFromAmong("server", "gateway");
        var command = new Command("query", """
            Print audit records, oldest first, filtered by server, event, user, address and time.
            Examples:
              fleetsim audit query --store audit.db --server contoso --event DML_SELECT
              fleetsim audit query --store audit.db --log gateway --format csv > gateway.csv
            """);
        options.AddTo(command, withEvent: true);
        command.Options.Add(log);
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            var (store, query, format) = options.Read(parse);
            await using var _ = store;
            var rows = parse.GetValue(log) == "gateway"
                ? new Rows(["time", "gateway", "region", "server", "user", "source", "reason", "code", "rule", "host", "tls", "db", "app", "authenticated"],
                    [.. (await store.QueryGatewayAsync(query, cancellationToken)).Select(r => (IReadOnlyList<object?>)[r.Time, r.Gateway, r.Region, r.Server, r.User, r.Source, r.Reason.ToString(), r.Code, r.Rule,
                        r.Host, r.Tls?.ToOffered(), r.Database, r.App, r.Authenticated])])
                : new Rows(["event_time", "server", "event_class", "event_subclass", "connection_id", "user", "ip", "db", "error_code", "sql_text"],
                    [.. (await store.QueryAsync(query, cancellationToken)).Select(r => (IReadOnlyList<object?>)[r.EventTime, r.Server, r.EventClass.ToString(), r.EventSubclass.ToString(), r.ConnectionId, r.User, r.Ip, r.Db, r.ErrorCode, r.SqlText])]);
            rows.Write(format, Console.Out);
            return 0;
        }));
        return command;
    }

    private static Command Stats()
    {
        var storeOption = QueryOptions.StoreOption();
        var command = new Command("stats", "Counts by server, by event class and subclass, by gateway reason, and by alert.") { storeOption };
        command.SetAction((parse, cancellationToken) => CliErrors.Guard(async () =>
        {
            await using var store = QueryOptions.Open(parse.GetValue(storeOption));
            var stats = await store.StatsAsync(cancellationToken);
            Console.Out.WriteLine($"audit records: {stats.AuditRecords}, gateway decisions: {stats.GatewayDecisions}, alerts: {stats.Alerts}");
            Section("audit records by server", stats.ByServer);
            Section("audit records by event (class/subclass category)", stats.ByEvent);
            Section("gateway decisions by reason", stats.ByGatewayReason);
            Section("alerts", stats.ByAlert);
            return 0;
        }));
        return command;
    }

    private static void Section(string title, IReadOnlyList<(string Key, long Count)> counts)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine(title);
        if (counts.Count == 0)
            Console.Out.WriteLine("  (none)");
        foreach (var (key, count) in counts)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,10:N0}  {key}"));
    }

    /// <summary>The options every read shares; parsed and checked in one place.</summary>
    private sealed class QueryOptions
    {
        private readonly Option<string?> _store = StoreOption();
        private readonly Option<string?> _server = new("--server") { Description = "Only this server." };
        private readonly Option<string?> _event = new("--event") { Description = $"Only this audit_log_events kind: {string.Join(", ", ServerParameters.AuditEventNames)}." };
        private readonly Option<string?> _user = new("--user") { Description = "Only this user (the login, without @server)." };
        private readonly Option<string?> _ip = new("--ip") { Description = "Only this client address." };
        private readonly Option<string?> _since = new("--since") { Description = "From this time on (ISO 8601, e.g. 2026-11-28T10:00:00Z)." };
        private readonly Option<string?> _until = new("--until") { Description = "Before this time (ISO 8601)." };
        private readonly Option<int> _limit = new("--limit") { Description = "At most this many rows.", DefaultValueFactory = _ => 1000 };
        private readonly Option<string> _format = new("--format") { Description = $"Output: {Rows.Formats}.", DefaultValueFactory = _ => "table" };

        public static Option<string?> StoreOption() => new("--store")
        {
            Description = "The audit store (a SQLite file, or redis://host:port) written by check or run; default: the FleetSim:AuditStore of ./silo.json (a running silo's).",
        };

        public static IAuditStore Open(string? path)
        {
            path ??= SiloStore() ?? throw new InputException(["--store: required (there is no ./silo.json to read FleetSim:AuditStore from)"]);
            return AuditStores.Exists(path)
                ? AuditStores.Open(path, forQueries: true)
                : throw new InputException([$"--store: '{path}' does not exist"]);
        }

        // A running silo's store, where its silo.json in the working directory puts it.
        private static string? SiloStore() => File.Exists("silo.json")
            ? SiloConfiguration.Options(SiloConfiguration.Read("silo.json")).AuditStore
            : null;

        public void AddTo(Command command, bool withEvent)
        {
            command.Options.Add(_store);
            command.Options.Add(_server);
            if (withEvent)
                command.Options.Add(_event);
            command.Options.Add(_user);
            command.Options.Add(_ip);
            command.Options.Add(_since);
            command.Options.Add(_until);
            command.Options.Add(_limit);
            command.Options.Add(_format);
        }

        public (IAuditStore Store, AuditQuery Query, string Format) Read(ParseResult parse)
        {
            var errors = new List<string>();
            var format = parse.GetValue(_format)!;
            if (!Rows.IsFormat(format))
                errors.Add($"--format: '{format}' is not one of {Rows.Formats}");
            var eventName = parse.GetValue(_event);
            if (eventName is not null && !ServerParameters.AuditEventNames.Contains(eventName))
                errors.Add($"--event: '{eventName}' is not one of {string.Join(", ", ServerParameters.AuditEventNames)}");
            var since = IsoTime.Parse(parse.GetValue(_since), "--since", errors);
            var until = IsoTime.Parse(parse.GetValue(_until), "--until", errors);
            if (parse.GetValue(_limit) <= 0)
                errors.Add($"--limit: {parse.GetValue(_limit)} must be greater than 0");
            if (errors.Count > 0)
                throw new InputException(errors);
            var query = new AuditQuery
            {
                Server = parse.GetValue(_server), Event = eventName, User = parse.GetValue(_user), Ip = parse.GetValue(_ip),
                Since = since, Until = until, Limit = parse.GetValue(_limit),
            };
            return (Open(parse.GetValue(_store)), query, format);
        }
    }
}
