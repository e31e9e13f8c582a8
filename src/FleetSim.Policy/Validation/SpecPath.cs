using System.Globalization;
using System.Text;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Where a value sits in a fleet document, spelled as FleetSim reports it:
/// servers[2].firewallRules[0].startIpAddress. The reader and the validator spell paths alike.
/// </summary>
/// <remarks>
/// A path is spelled only when a problem is reported: validating a fleet of 10,000 servers visits
/// millions of paths, and building each one's text made most of validation's work and garbage.
/// </remarks>
internal readonly struct SpecPath
{
    public static readonly SpecPath Root;

    private readonly Step? _last;

    private SpecPath(Step step) => _last = step;

    public bool IsRoot => _last is null;

    public SpecPath Property(string name) => new(new Step(_last, name, -1, bracketed: false));

    public SpecPath Item(int index) => new(new Step(_last, null, index, bracketed: false));

    /// <summary>A dictionary key; one that is not a plain name is bracketed, as System.Text.Json spells it.</summary>
    public SpecPath Key(string key) =>
        new(new Step(_last, key, -1, bracketed: !(key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))));

    public string Text => _last is null ? "" : _last.Spell();

    public override string ToString() => Text;

    private sealed class Step(Step? parent, string? name, int index, bool bracketed)
    {
        public string Spell()
        {
            var text = new StringBuilder();
            Append(text);
            return text.ToString();
        }

        private void Append(StringBuilder text)
        {
            parent?.Append(text);
            if (name is null)
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (bracketed)
                text.Append("['").Append(name).Append("']");
            else
                text.Append(text.Length == 0 ? "" : ".").Append(name);
        }
    }
}
