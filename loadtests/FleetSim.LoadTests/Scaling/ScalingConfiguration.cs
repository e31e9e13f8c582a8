namespace FleetSim.LoadTests.Scaling;

/// <summary>Where one measurement runs: in this process (no network), or on that many silo processes.</summary>
public sealed record ScalingConfiguration(int SiloProcesses)
{
    public static ScalingConfiguration Embedded { get; } = new(0);

    public bool IsEmbedded => SiloProcesses == 0;

    /// <summary>As the report's rows read: "embedded", "1 process", "3 processes".</summary>
    public string Name => SiloProcesses switch { 0 => "embedded", 1 => "1 process", var n => $"{n} processes" };

    /// <summary>The configuration's folder name under --out: embedded, silos-1, silos-3.</summary>
    public string FolderName => IsEmbedded ? "embedded" : $"silos-{SiloProcesses}";
}
