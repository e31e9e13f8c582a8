namespace FleetSim.Wire.Listening;

/// <summary>A listener's endpoint cannot be used: bad input the user must change (a taken port, a remote address).</summary>
public sealed class WireEndpointException(string message, Exception? inner = null) : Exception(message, inner);
