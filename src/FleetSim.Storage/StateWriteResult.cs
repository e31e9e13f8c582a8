namespace FleetSim.Storage;

/// <summary>The outcome of a conditional write or delete.</summary>
/// <param name="Succeeded">False when the stored ETag was not the expected one.</param>
/// <param name="ETag">The new ETag on success (null after a delete); the stored one (null when no row) on a conflict.</param>
public readonly record struct StateWriteResult(bool Succeeded, string? ETag);
