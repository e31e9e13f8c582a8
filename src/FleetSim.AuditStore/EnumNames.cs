namespace FleetSim.AuditStore;

/// <summary>
/// The names the store writes for an enum's values, made once: Enum.ToString boxes its value on
/// every call, three times a connection in the write path.
/// </summary>
internal static class EnumNames<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToDictionary(value => value, value => value.ToString());

    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();
}
