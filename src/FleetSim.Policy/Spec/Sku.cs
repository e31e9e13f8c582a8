using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FleetSim.Policy.Spec;

public enum PricingTier { Basic, GeneralPurpose, MemoryOptimized }

/// <summary>A compute size such as GP_Gen5_4: pricing tier, hardware generation and vCores.</summary>
public sealed record Sku(string Name, PricingTier Tier, int VCores)
{
    // max_connections by tier and vCores, as the real service documents them.
    private static readonly Dictionary<(PricingTier, int), int> MaxConnectionsBySize = new()
    {
        [(PricingTier.Basic, 1)] = 50,
        [(PricingTier.Basic, 2)] = 100,
        [(PricingTier.GeneralPurpose, 2)] = 300,
        [(PricingTier.GeneralPurpose, 4)] = 625,
        [(PricingTier.GeneralPurpose, 8)] = 1250,
        [(PricingTier.GeneralPurpose, 16)] = 2500,
        [(PricingTier.GeneralPurpose, 32)] = 5000,
        [(PricingTier.GeneralPurpose, 64)] = 10000,
        [(PricingTier.MemoryOptimized, 2)] = 600,
        [(PricingTier.MemoryOptimized, 4)] = 1250,
        [(PricingTier.MemoryOptimized, 8)] = 2500,
        [(PricingTier.MemoryOptimized, 16)] = 5000,
        [(PricingTier.MemoryOptimized, 32)] = 10000,
    };

    public int MaxConnections => MaxConnectionsBySize[(Tier, VCores)];

    /// <summary>Virtual network rules and threat protection exist only above Basic.</summary>
    public bool SupportsVirtualNetworkRules => Tier != PricingTier.Basic;

    public static IEnumerable<string> AllNames => MaxConnectionsBySize.Keys.Select(k => Format(k.Item1, k.Item2));

    public static bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out Sku? sku)
    {
        sku = null;
        var parts = name?.Split('_');
        if (parts is not { Length: 3 } || parts[1] != "Gen5")
            return false;
        PricingTier? tier = parts[0] switch
        {
            "B" => PricingTier.Basic,
            "GP" => PricingTier.GeneralPurpose,
            "MO" => PricingTier.MemoryOptimized,
            _ => null,
        };
        if (tier is null || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var vCores)
            || !MaxConnectionsBySize.ContainsKey((tier.Value, vCores)))
            return false;
        sku = new Sku(name!, tier.Value, vCores);
        return true;
    }

    private static string Format(PricingTier tier, int vCores) => tier switch
    {
        PricingTier.Basic => "B",
        PricingTier.GeneralPurpose => "GP",
        _ => "MO",
    } + "_Gen5_" + vCores.ToString(CultureInfo.InvariantCulture);
}
