namespace FleetSim.Policy.Threats;

/// <summary>An alert's severity, as threat protection reports it.</summary>
public enum AlertSeverity : byte { Low, Medium, High }
