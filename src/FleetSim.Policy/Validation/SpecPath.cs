using System.Globalization;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Where a value sits in a fleet document, spelled as FleetSim reports it:
/// servers[2].firewallRules[0].startIpAddress. The reader and the validator spell paths alike.
/// </summary>
internal readonly record struct SpecPath(string Text)
{
    public static readonly SpecPath Root = new("");

    public bool IsRoot => Text.Length == 0;

    public SpecPath Property(string name) => new(IsRoot ? name : $"{Text}.{name}");

    public SpecPath Item(int index) => new(string.Create(CultureInfo.InvariantCulture, $"{Text}[{index}]"));

    /// <summary>A dictionary key; one that is not a plain name is bracketed, as System.Text.Json spells it.</summary>
    public SpecPath Key(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? Property(key) : new($"{Text}['{key}']");

    public override string ToString() => Text;
}
