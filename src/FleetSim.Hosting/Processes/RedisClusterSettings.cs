using System.Security.Cryptography;

namespace FleetSim.Hosting.Processes;

/// <summary>
/// The settings of a cluster kept entirely in one Redis: membership, encrypted grain state and the
/// audit log, as docker-compose.yml runs it. The tests' clusters and the scaling verb start their
/// silo processes with these, under cluster and service ids of their own so that clusters sharing
/// one Redis never see each other's state.
/// </summary>
public sealed record RedisClusterSettings(string Redis, string ClusterId)
{
    /// <summary>The audit log's location: streams on the same Redis, under a prefix of this cluster's.</summary>
    public string AuditStore => $"redis://{Redis},prefix={ClusterId}:audit:";

    /// <summary>What every silo is given besides its ports, as environment variables (a fresh service key each time).</summary>
    public Dictionary<string, string> ForSilos() => new()
    {
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__ServiceId"] = ClusterId,
        ["Orleans__Clustering__ProviderType"] = "Redis",
        ["Orleans__Clustering__ConnectionString"] = Redis,
        ["FleetSim__StateStore"] = "redis://" + Redis,
        ["FleetSim__AuditStore"] = AuditStore,
        ["FleetSim__AuditDurability"] = "batched",
        ["FLEETSIM_SERVICE_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["FleetSim__Dashboard__Enabled"] = "false",
    };

    /// <summary>
    /// Writes the silo.json a client needs (`fleetsim --cluster`): Redis clustering, so it finds
    /// every silo's gateway, and the audit store, so `run` can reconcile against it.
    /// </summary>
    public async Task<string> WriteClientConfigurationAsync(string folder, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(folder, "client-silo.json");
        await File.WriteAllTextAsync(path, $$"""
            {
              "Orleans": {
                "ClusterId": "{{ClusterId}}", "ServiceId": "{{ClusterId}}",
                "Clustering": { "ProviderType": "Redis", "ConnectionString": "{{Redis}}" }
              },
              "FleetSim": { "AuditStore": "{{AuditStore}}" }
            }
            """, cancellationToken);
        return path;
    }
}
