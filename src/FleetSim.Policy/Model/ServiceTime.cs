namespace FleetSim.Policy.Model;

public enum ServiceDistribution { Constant, Exponential, Lognormal }

/// <summary>A compiled service time: draws a duration in milliseconds from two uniforms in (0, 1).</summary>
public sealed record ServiceTime(ServiceDistribution Distribution, double MeanMs, double P99Ms)
{
    /// <summary>The standard normal's 99th percentile.</summary>
    internal const double Z99 = 2.3263478740408408;

    // A lognormal with mean M and 99th percentile P: ln P - ln M = z*sigma - sigma^2/2.
    private readonly double _sigma = Distribution == ServiceDistribution.Lognormal ? Z99 - Math.Sqrt(Z99 * Z99 - 2 * Math.Log(P99Ms / MeanMs)) : 0;

    public static ServiceTime Constant(double meanMs) => new(ServiceDistribution.Constant, meanMs, meanMs);

    public static ServiceTime Exponential(double meanMs) => new(ServiceDistribution.Exponential, meanMs, meanMs * Math.Log(100));

    public static ServiceTime Lognormal(double meanMs, double p99Ms) => new(ServiceDistribution.Lognormal, meanMs, p99Ms);

    /// <summary>The largest p99 a lognormal can have for its mean: beyond it no sigma gives both.</summary>
    public static double MaxLognormalP99OverMean { get; } = Math.Exp(Z99 * Z99 / 2);

    public double Sample(double u1, double u2) => Distribution switch
    {
        ServiceDistribution.Constant => MeanMs,
        ServiceDistribution.Exponential => -MeanMs * Math.Log(u1),
        _ => Math.Exp(Math.Log(MeanMs) - _sigma * _sigma / 2 + _sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2)),
    };

    /// <summary>A section's service time as validated; null takes the default.</summary>
    public static ServiceTime From(ServiceTimeSpec? spec, ServiceTimeSpec defaults)
    {
        var s = spec ?? defaults;
        var mean = s.MeanMs ?? 0;
        return s.Distribution switch
        {
            "exponential" => Exponential(mean),
            "lognormal" => Lognormal(mean, s.P99Ms ?? mean * ModelDefaults.LognormalP99OverMean),
            _ => Constant(mean),
        };
    }
}
