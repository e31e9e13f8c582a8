namespace FleetSim.AuditStore;

/// <summary>
/// The store a location names did not answer. The CLI reports it as it reports an unreachable
/// cluster (exit code 3): the message names the location, and nothing is wrong with the command.
/// </summary>
public sealed class AuditStoreUnreachableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

/// <summary>A location that names no usable store: malformed, or a server that cannot hold it (bad input, exit code 2).</summary>
public sealed class AuditStoreLocationException(string message) : Exception(message);
