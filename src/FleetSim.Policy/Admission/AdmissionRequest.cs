using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// A connection as it reaches the server from its gateway, with the default database its login
/// names. A real client proves its password with <paramref name="Proof"/> instead of sending it.
/// </summary>
public readonly record struct AdmissionRequest(string Login, string? Password, TlsVersion Tls, PresentedSource Source, string? Database = null, ScrambleProof? Proof = null);
