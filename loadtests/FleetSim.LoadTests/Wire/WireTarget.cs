using System.Net;

namespace FleetSim.LoadTests.Wire;

/// <summary>
/// A server the wire benchmark's clients connect to: where it listens, the login every client uses,
/// and the CPU its process has used so far (read before and after a round).
/// </summary>
public sealed record WireTarget(string Name, IPEndPoint Endpoint, string User, string Password, Func<TimeSpan> ServerCpu)
{
    public const string MariaDb = "mariadb";
    public const string FleetSim = "fleetsim";
}
