namespace FleetSim.Grains;

/// <summary>A silo.json setting (or its environment override) FleetSim cannot use; the message names it.</summary>
public sealed class SiloConfigurationException(string message) : Exception(message);
