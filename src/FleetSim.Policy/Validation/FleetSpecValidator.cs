using System.Text.Json;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

// Temporary: replaced by the full reader and validator when their branch lands.
public static class FleetSpecValidator
{
    public static IReadOnlyList<string> Validate(FleetSpec spec) => [];
}

public sealed class FleetSpecException(IReadOnlyList<string> errors) : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

public static class FleetSpecReader
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static FleetSpec ReadFile(string path) => JsonSerializer.Deserialize<FleetSpec>(File.ReadAllText(path), Options)!;
}
