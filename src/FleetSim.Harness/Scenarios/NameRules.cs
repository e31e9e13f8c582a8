namespace FleetSim.Harness;

/// <summary>
/// Scenario and step names appear in thresholds (<c>connect.p99 &lt; 50ms</c>, <c>scn/step.p99</c>),
/// so they may not hold what that grammar uses as separators.
/// </summary>
internal static class NameRules
{
    public const string AllScope = "all";

    private static readonly System.Buffers.SearchValues<char> s_separators = System.Buffers.SearchValues.Create(" \t\r\n/<>=");

    public static void Validate(string name, string kind)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException($"A {kind} name may not be empty.", nameof(name));
        int bad = name.AsSpan().IndexOfAny(s_separators);
        if (bad >= 0)
            throw new ArgumentException($"The {kind} name '{name}' may not hold '{name[bad]}' (position {bad + 1}): thresholds use spaces, '/', '<', '>' and '=' as separators.", nameof(name));
        if (name == AllScope)
            throw new ArgumentException($"'{AllScope}' is reserved for thresholds over every scenario; pick another {kind} name.", nameof(name));
    }
}
