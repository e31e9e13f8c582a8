namespace FleetSim.Contracts.Fleet;

public static class FleetDirectoryKeys
{
    /// <summary>The key of the directory grain of the one fleet a cluster simulates.</summary>
    public const string Default = "default";
}
