using System.CommandLine;
using System.Globalization;
using FleetSim.AuditStore;
using FleetSim.Contracts.Connections;
using FleetSim.LoadTests.Bench;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Audit;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FleetSim.LoadTests.Pieces;

/// <summary>
/// `pieces`: what the parts of one connection's work cost on one thread, outside the engine,
/// measured in one run: the policy decision, the firewall match inside it, building the
/// connection's three log records, serializing its messages, and storing its rows.
/// </summary>
public static class PiecesCommand
{
    public static int Run(string[] args)
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds per piece; the median is reported.", DefaultValueFactory = _ => 5 };
        var command = new RootCommand("The pieces of one connection's work, in microseconds per connection on one thread.") { rounds };
        command.SetAction(async (parse, _) =>
        {
            await Measure(Math.Max(1, parse.GetValue(rounds)));
            return 0;
        });
        return command.Parse(args).Invoke();
    }

    private static async Task Measure(int rounds)
    {
        var fleet = FleetGenerator.Generate(new FleetGeneratorSpec { ServersPerRegion = 500, FirewallRulesPerServer = 16 }, seed: 1);
        var requests = BenchRequests.For(fleet);
        var spec = fleet.Servers[0];
        var policy = ServerPolicy.Compile(spec);
        var accounts = new AccountDirectory();
        accounts.Set(spec.AdministratorLogin!, PasswordHash.Of(spec.AdministratorLoginPassword!));
        var admission = new AdmissionRequest(spec.AdministratorLogin!, spec.AdministratorLoginPassword, TlsVersion.Tls1_2,
            new PresentedSource(PresentedKind.Internet, Ipv4.Parse(spec.FirewallRules[0].StartIpAddress!)));
        var rules = new FirewallRuleSet([.. spec.FirewallRules.Select((r, i) => new FirewallRule(r.Name!, new Ipv4Range(Ipv4.Parse(r.StartIpAddress!), Ipv4.Parse(r.EndIpAddress!))))]);
        var addresses = fleet.Servers.Select(s => Ipv4.Parse(s.FirewallRules[0].StartIpAddress!)).ToArray();
        var trail = new AuditTrail(spec.Name!, spec.Region!, new AuditPolicy(enabled: true, AuditEvents.CONNECTION, [], []));
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var routed = requests.Select(FloorGatewayGrain.Routed).ToArray();
        var answer = FloorServerGrain.Allowed with { Server = spec.Name, Gateway = "40.112.0.10", ConnectionId = 42, Audited = 2 };
        var at = DateTimeOffset.UtcNow;

        var pieces = new List<(string Piece, double Microseconds)>
        {
            ("policy decision (ServerAdmission.Admit: state, TLS, firewall, remembered password check, capacity)",
                PieceTimer.NanosecondsPerOperation(200_000, rounds, _ => ServerAdmission.Admit(policy, admission, accounts, 0, null)) / 1000),
            ("  of which the firewall match (16 rules, compiled)",
                PieceTimer.NanosecondsPerOperation(1_000_000, rounds, i => rules.Match(addresses[i % addresses.Length])) / 1000),
            ("log records of a connection (CONNECT, DISCONNECT, gateway decision)",
                PieceTimer.NanosecondsPerOperation(200_000, rounds, i =>
                {
                    trail.Connected(at, i, "20.0.0.7", "fleetadmin", null);
                    if (trail.Policy.ShouldLog(AuditEvents.CONNECTION, "fleetadmin"))
                        AuditRecord.Disconnect(trail.Server, trail.Region, at, i, "20.0.0.7", "fleetadmin", null);
                    _ = new GatewayLogRecord(at, "40.112.0.10", trail.Server, $"internet address {addresses[i % addresses.Length]}", requests[i % requests.Length].User, ConnectionReason.Allowed, 0, "rule-000", trail.Region);
                }) / 1000),
            ("serialization of a connection's messages (request, routed connection, answer; each written and read once)",
                PieceTimer.NanosecondsPerOperation(100_000, rounds, i =>
                {
                    serializer.Deserialize<ConnectRequest>(serializer.SerializeToArray(requests[i % requests.Length]));
                    serializer.Deserialize<RoutedConnection>(serializer.SerializeToArray(routed[i % routed.Length]));
                    serializer.Deserialize<ConnectResult>(serializer.SerializeToArray(answer));
                }) / 1000),
            ("store append of a connection's 3 rows (SQLite, sink-sized batches)", await StoreMicroseconds(fleet, rounds)),
        };

        Console.WriteLine();
        Console.WriteLine($"{"piece (one thread)",-108} {"µs/connection",14}");
        foreach (var (piece, microseconds) in pieces)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{piece,-108} {microseconds,14:0.000}"));
    }

    private static async Task<double> StoreMicroseconds(FleetSpec fleet, int rounds)
    {
        var folder = Directory.CreateTempSubdirectory("fleetsim-pieces-");
        try
        {
            var store = new SqliteAuditStore(Path.Combine(folder.FullName, "audit.db"));
            await using var _ = store;
            var batches = StoreFloor.Batches([.. fleet.Servers.Select(s => (s.Name!, s.Region!, $"{FleetGenerator.AdministratorLogin}@{s.Name}", s.FirewallRules[0].StartIpAddress!))]);
            await StoreFloor.ConnectionsPerSecond(store, TimeSpan.FromSeconds(0.5), batches);
            var perRound = new List<double>();
            for (var round = 0; round < rounds; round++)
                perRound.Add(1_000_000 / await StoreFloor.ConnectionsPerSecond(store, TimeSpan.FromSeconds(1), batches));
            return Medians.Of(perRound);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
