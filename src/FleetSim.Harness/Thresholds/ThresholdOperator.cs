namespace FleetSim.Harness;

/// <summary>How a threshold compares the measured value with its limit.</summary>
public enum ThresholdOperator
{
    /// <summary>"&lt;"</summary>
    Less,

    /// <summary>"&lt;="</summary>
    LessOrEqual,

    /// <summary>"&gt;"</summary>
    Greater,

    /// <summary>"&gt;="</summary>
    GreaterOrEqual,
}
