using System.Globalization;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>
/// What a reader needs of one partition's stream: its newest entry id, and how far entry ids run
/// ahead of event times in it ("late": an entry's id is never below its time, and at most this
/// much above it).
/// </summary>
internal sealed record PartitionBounds(long Start, string NewestId, long Late)
{
    public long NewestMilliseconds => IdMilliseconds(NewestId);

    /// <summary>Reads a log's bounds hash: fields "START:top" and "START:late".</summary>
    public static List<PartitionBounds> Parse(HashEntry[] fields)
    {
        var top = new Dictionary<long, string>();
        var late = new Dictionary<long, long>();
        foreach (var field in fields)
        {
            var name = (string)field.Name!;
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            var start = long.Parse(name.AsSpan(0, colon), CultureInfo.InvariantCulture);
            if (name.EndsWith(":top", StringComparison.Ordinal))
                top[start] = (string)field.Value!;
            else
                late[start] = (long)field.Value;
        }
        return [.. top.Select(t => new PartitionBounds(t.Key, t.Value, late.GetValueOrDefault(t.Key))).OrderBy(b => b.Start)];
    }

    public static long IdMilliseconds(string id) => long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
}
