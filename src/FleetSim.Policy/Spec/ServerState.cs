namespace FleetSim.Policy.Spec;

public enum ServerState { Ready, Stopped, Inaccessible }

public enum GatewayState { Current, Decommissioning, Decommissioned }

public enum PrivateEndpointStatus { Pending, Approved, Rejected }

/// <summary>Parses the enumerations of the fleet document exactly as the real service spells them.</summary>
public static class SpecEnum
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        // Enum.TryParse would also accept numbers ("1"), lists ("A,B"), different case and surrounding
        // spaces (" Ready"); the documents must not.
        return text is not null && !char.IsAsciiDigit(text.FirstOrDefault()) && !text.Contains(',', StringComparison.Ordinal)
            && text.Trim() == text
            && Enum.TryParse(text, ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    /// <summary>For documents already validated: a bad value here is a bug, not bad input.</summary>
    public static T Parse<T>(string? text) where T : struct, Enum =>
        TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not one of {Names<T>()}");

    public static bool ParseSwitch(string? text) =>
        TryParseSwitch(text, out var enabled) ? enabled : throw new FormatException($"'{text}' is not Enabled or Disabled");

    public static string Names<T>() where T : struct, Enum => string.Join("|", Enum.GetNames<T>());

    public static bool TryParseSwitch(string? text, out bool enabled)
    {
        enabled = text == "Enabled";
        return text is "Enabled" or "Disabled";
    }
}
