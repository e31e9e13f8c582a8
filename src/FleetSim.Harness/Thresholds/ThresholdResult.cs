namespace FleetSim.Harness;

/// <summary>How a threshold fared.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Passed">Whether it held at the end and never broke during the run.</param>
/// <param name="Actual">The measured value in the metric's base unit (ms, fraction, count); null when the scope was not found.</param>
/// <param name="Message">What a person reads: "connect.p99 = 8.1 ms (limit &lt; 50ms)".</param>
/// <param name="BrokeAtRunTime">Whether a run-time check found it broken (and stopped the run).</param>
public sealed record ThresholdResult(Threshold Threshold, bool Passed, double? Actual, string Message, bool BrokeAtRunTime);
