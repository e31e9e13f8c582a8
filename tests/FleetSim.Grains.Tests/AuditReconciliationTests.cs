using FleetSim.Contracts.Connections;
using FleetSim.Policy.Spec;
using static FleetSim.Grains.Tests.Fleets;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Issue 6: every answer says how many audit records and gateway log entries the fleet wrote for
/// it, so that a run can reconcile what its clients were told against what the store holds.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditReconciliationTests(ClusterFixture cluster)
{
    private const string Office = "203.0.113.7";

    [Fact]
    public async Task What_clients_were_told_was_logged_is_what_the_store_holds_after_a_flush()
    {
        var connector = await cluster.Provision(With(Contoso(Rule("office", Office)) with
        {
            Name = "recon-a",
            Configurations = new() { ["audit_log_enabled"] = "ON", ["audit_log_events"] = "CONNECTION,DCL" },
        }));
        string Host = "recon-a.mariadb.database.azure.com";
        var requests = new[]
        {
            Login(Office, user: $"{Admin}@recon-a", host: Host) with { Statements = ["CREATE USER 'x'@'%' IDENTIFIED BY 'Xx!12345'", "SELECT 1"] },
            Login(Office, user: $"{Admin}@recon-a", password: "wrong", host: Host),
            Login("198.51.100.1", user: $"{Admin}@recon-a", host: Host),
            Login(Office, user: $"{Admin}@recon-a", host: Host, tls: TlsVersion.None),
        };
        foreach (var request in requests)
            await cluster.Connect(connector, request);
        var held = await cluster.Connect(connector, Login(Office, user: $"{Admin}@recon-a", host: Host, hold: true));
        await connector.Execute(held, "DROP USER 'x'@'%'");
        await connector.Disconnect(held);

        var records = await AuditStoreReader.Records(cluster.Grains, cluster.AuditStore, "recon-a");
        var decisions = await AuditStoreReader.Decisions(cluster.Grains, cluster.AuditStore, "recon-a");
        // Five gateway decisions. Audit: CONNECT, DCL, DISCONNECT; the failed CONNECT; nothing for
        // the firewall or TLS refusals (the gateway's); then the held session's CONNECT, DCL, DISCONNECT.
        Assert.Equal("CONNECT 0, LOG 0, DISCONNECT 0, CONNECT 1045, CONNECT 0, LOG 0, DISCONNECT 0",
            string.Join(", ", records.Select(r => $"{r.EventSubclass} {r.ErrorCode}")));
        Assert.Equal(5, decisions.Count);
        Assert.Equal(records.Count + decisions.Count, connector.Audited);
    }
}
