namespace FleetSim.Policy.Audit;

/// <summary>The event_class of an audit record, spelled as the real logs spell it.</summary>
public enum AuditEventClass : byte
{
    connection_log,
    general_log,
}

/// <summary>The event_subclass: CONNECT and DISCONNECT for connection_log; LOG, ERROR and RESULT for general_log.</summary>
public enum AuditEventSubclass : byte
{
    CONNECT,
    DISCONNECT,

    /// <summary>A statement that ran.</summary>
    LOG,

    /// <summary>A statement refused: denied, or a syntax error.</summary>
    ERROR,

    /// <summary>A statement's result; FleetSim runs no queries and does not produce it.</summary>
    RESULT,
}
