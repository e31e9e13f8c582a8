using System.Text;
using StackExchange.Redis;

namespace FleetSim.Storage.Redis;

/// <summary>
/// How Orleans' Redis grain storage (Microsoft.Orleans.Persistence.Redis 10, default key format) keeps
/// a state: one hash per state at <c>{ServiceId}/state/{grain type}/{grain key}/{state name}</c>, with
/// the fields <c>etag</c> and <c>data</c>. FleetSim reads this layout only to check for existing state
/// and to re-wrap keys; every read and write of a grain goes through the provider itself.
/// </summary>
internal static class RedisStateLayout
{
    public const string ETagField = "etag";
    public const string DataField = "data";

    /// <summary>The service's key prefix: what keeps several services (and test runs) apart on one Redis.</summary>
    public static string Prefix(string serviceId) => $"{serviceId}/state/";

    /// <summary>A SCAN pattern for every state of the service; the service id's glob characters are escaped.</summary>
    public static RedisValue Pattern(string serviceId)
    {
        var escaped = new StringBuilder();
        foreach (var c in Prefix(serviceId))
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.Append('*').ToString();
    }

    /// <summary>
    /// The state a hash holds, named as SQLite names it (state name, and the grain id as
    /// <c>type/key</c>), or null when it holds no data (a state cleared without being deleted).
    /// </summary>
    public static StoredState? Read(string serviceId, RedisKey key, HashEntry[] entries)
    {
        var etag = entries.FirstOrDefault(e => e.Name == ETagField).Value;
        var data = entries.FirstOrDefault(e => e.Name == DataField).Value;
        if (etag.IsNullOrEmpty || data.IsNullOrEmpty)
            return null;
        var path = ((string)key!)[Prefix(serviceId).Length..];
        var lastSlash = path.LastIndexOf('/');
        return new StoredState(path[(lastSlash + 1)..], path[..Math.Max(lastSlash, 0)], etag!, (byte[])data!);
    }
}
