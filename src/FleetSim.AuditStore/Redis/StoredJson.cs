using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace FleetSim.AuditStore.Redis;

/// <summary>The JSON of stream entries, generated at build time (no reflection on the write path).</summary>
[JsonSerializable(typeof(StoredRecord))]
[JsonSerializable(typeof(StoredDecision))]
[JsonSerializable(typeof(StoredAlert))]
internal sealed partial class StoredJson : JsonSerializerContext
{
    /// <summary>
    /// SQL text is full of quotes and names are often not ASCII: the relaxed encoder keeps them as
    /// they are instead of six-character escapes (the entries are never embedded in HTML).
    /// </summary>
    public static StoredJson Compact { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static byte[] Write(StoredRecord row) => JsonSerializer.SerializeToUtf8Bytes(row, Compact.StoredRecord);

    public static byte[] Write(StoredDecision row) => JsonSerializer.SerializeToUtf8Bytes(row, Compact.StoredDecision);

    public static byte[] Write(StoredAlert row) => JsonSerializer.SerializeToUtf8Bytes(row, Compact.StoredAlert);

    public static StoredRecord ReadRecord(RedisValue json) => JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, Compact.StoredRecord)!;

    public static StoredDecision ReadDecision(RedisValue json) => JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, Compact.StoredDecision)!;

    public static StoredAlert ReadAlert(RedisValue json) => JsonSerializer.Deserialize(((ReadOnlyMemory<byte>)json).Span, Compact.StoredAlert)!;
}
