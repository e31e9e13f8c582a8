using FleetSim.Policy.Admission;
using FleetSim.Policy.Decisions;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Admission;

/// <summary>
/// Runs one connection through a server's checks. Unless a test says otherwise the client is the
/// administrator with the right password over TLS 1.2 on an idle server, so only the rule under
/// test can deny it.
/// </summary>
internal static class Admissions
{
    public static Verdict Admit(
        ServerSpec server,
        PresentedSource from,
        TlsVersion tls = TlsVersion.Tls1_2,
        string login = Servers.AdminLogin,
        string? password = Servers.AdminPassword,
        int openConnections = 0,
        DecisionTrace? trace = null,
        string? database = null) =>
        ServerAdmission.Admit(ServerPolicy.Compile(server), new AdmissionRequest(login, password, tls, from, database),
            Accounts.Of(server), openConnections, trace);
}
