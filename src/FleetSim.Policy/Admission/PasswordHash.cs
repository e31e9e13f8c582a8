using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A password as MariaDB keeps it for mysql_native_password: SHA1(SHA1(password)), written as in
/// mysql.user, "*" and 40 upper-case hex digits. Never the clear text. The 20 bytes are what a
/// client's login scramble is checked against, so they stay reachable as <see cref="Bytes"/>.
/// Unsalted, as MariaDB's is: the same password always has the same hash, so a fleet document
/// applied again is recognised as unchanged by hashing its passwords.
/// </summary>
[JsonConverter(typeof(PasswordHashJsonConverter))]
public sealed class PasswordHash : IEquatable<PasswordHash>
{
    /// <summary>The bytes of a SHA1 digest.</summary>
    public const int Length = 20;

    /// <summary>The length of the written form: "*" and two hex digits per byte.</summary>
    public const int TextLength = 1 + 2 * Length;

    private const int StackLimit = 256;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef");

    private readonly byte[] _bytes;

    private PasswordHash(byte[] bytes) => _bytes = bytes;

    /// <summary>SHA1(SHA1(password)): the stage-2 hash of mysql_native_password.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>As mysql.user's authentication_string holds it: "*" + upper-case hex.</summary>
    public string Text => "*" + Convert.ToHexString(_bytes);

    /// <summary>The hash MariaDB's PASSWORD() gives for the password (its UTF-8 bytes).</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "mysql_native_password is SHA1(SHA1(password)) by definition: a client's login is checked against exactly this.")]
    public static PasswordHash Of(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var length = Encoding.UTF8.GetMaxByteCount(password.Length);
        var utf8 = length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length];
        var written = Encoding.UTF8.GetBytes(password, utf8);
        Span<byte> stage1 = stackalloc byte[Length];
        SHA1.HashData(utf8[..written], stage1);
        var stage2 = new byte[Length];
        SHA1.HashData(stage1, stage2);
        return new PasswordHash(stage2);
    }

    /// <exception cref="ArgumentException">Not 20 bytes.</exception>
    public static PasswordHash FromBytes(ReadOnlySpan<byte> bytes) => bytes.Length == Length
        ? new PasswordHash(bytes.ToArray())
        : throw new ArgumentException($"a mysql_native_password hash has {Length} bytes, not {bytes.Length}", nameof(bytes));

    /// <summary>Reads "*" + 40 hex digits (either case), as mysql.user and PASSWORD() write it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PasswordHash? hash)
    {
        hash = null;
        if (text is not { Length: TextLength } || text[0] != '*' || text.AsSpan(1).ContainsAnyExcept(HexDigits))
            return false;
        hash = new PasswordHash(Convert.FromHexString(text.AsSpan(1)));
        return true;
    }

    /// <exception cref="FormatException">Not "*" + 40 hex digits.</exception>
    public static PasswordHash Parse(string text) => TryParse(text, out var hash)
        ? hash
        : throw new FormatException("a password hash is '*' followed by 40 hex digits, as in mysql.user");

    /// <summary>True when the clear password hashes to this; null and empty never do.</summary>
    public bool Verify(string? password) =>
        !string.IsNullOrEmpty(password) && CryptographicOperations.FixedTimeEquals(_bytes, Of(password)._bytes);

    public bool Equals(PasswordHash? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    public override bool Equals(object? obj) => Equals(obj as PasswordHash);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);

    public static bool operator ==(PasswordHash? left, PasswordHash? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(PasswordHash? left, PasswordHash? right) => !(left == right);

    public override string ToString() => Text;
}

/// <summary>Writes a hash as its mysql.user text, so stored state reads as MariaDB's does.</summary>
internal sealed class PasswordHashJsonConverter : JsonConverter<PasswordHash>
{
    public override PasswordHash Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PasswordHash.TryParse(reader.GetString(), out var hash) ? hash : throw new JsonException("a password hash is '*' followed by 40 hex digits");

    public override void Write(Utf8JsonWriter writer, PasswordHash value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);
}
