namespace FleetSim.Storage;

/// <summary>One stored row: what the serializer wrote and the ETag guarding it.</summary>
public sealed record StoredState(string StateName, string GrainId, string ETag, byte[] Payload);
