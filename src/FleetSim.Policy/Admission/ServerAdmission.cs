using FleetSim.Policy.Decisions;
using FleetSim.Policy.Network;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Admission;

/// <summary>
/// The checks that belong to the server, in the real service's order: server state, TLS, network
/// access (private endpoint, public network access, VNet service endpoint, IP firewall),
/// authentication, max_connections, and the default database the login names. The first failing
/// check decides.
/// </summary>
public static class ServerAdmission
{
    public static Verdict Admit(ServerPolicy server, in AdmissionRequest request, IAccountDirectory accounts, int openConnections, DecisionTrace? trace) =>
        Admit(server, request, accounts, openConnections, trace, out _);

    /// <param name="passedBy">The rule that let the client past the network checks, even when a later check refused it.</param>
    public static Verdict Admit(ServerPolicy server, in AdmissionRequest request, IAccountDirectory accounts, int openConnections, DecisionTrace? trace, out string? passedBy)
    {
        string? rule = null;
        var verdict = CheckState(server, trace)
            ?? CheckTls(server, request.Tls, trace)
            ?? CheckNetwork(server, request.Source, trace, out rule);
        passedBy = verdict is null ? rule : null;
        verdict ??= Authenticate(accounts, request, trace)
            ?? CheckCapacity(server, openConnections, trace)
            ?? CheckDatabase(accounts, request, trace);
        return verdict ?? Verdict.Allow(rule);
    }

    private static Verdict? CheckState(ServerPolicy server, DecisionTrace? trace)
    {
        trace?.Add("server-state", server.State == ServerState.Ready, $"server '{server.Name}' is {server.State}");
        return server.State switch
        {
            ServerState.Stopped => ConnectionErrors.ServerStopped(server.Name),
            ServerState.Inaccessible => ConnectionErrors.ServerInaccessible(server.Name),
            _ => null,
        };
    }

    private static Verdict? CheckTls(ServerPolicy server, TlsVersion offered, DecisionTrace? trace)
    {
        if (offered == TlsVersion.None)
        {
            trace?.Add("tls", !server.SslEnforcement, server.SslEnforcement
                ? "sslEnforcement is Enabled and the client did not use TLS"
                : "sslEnforcement is Disabled: a plain-text client is accepted");
            return server.SslEnforcement ? ConnectionErrors.SslRequired : null;
        }
        var tooLow = server.MinimalTlsVersion != TlsVersion.None && offered < server.MinimalTlsVersion;
        trace?.Add("tls", !tooLow, $"client offered TLS {offered.ToOffered()}; minimalTlsVersion is {server.MinimalTlsVersion.ToMinimal()}");
        return tooLow ? ConnectionErrors.TlsVersionTooLow : null;
    }

    private static Verdict? CheckNetwork(ServerPolicy server, PresentedSource source, DecisionTrace? trace, out string? rule)
    {
        rule = null;
        if (source.Kind == PresentedKind.PrivateEndpoint)
        {
            // Firewall and VNet rules do not apply to a private endpoint; only its approval does.
            if (!server.PrivateEndpointConnections.TryGetValue(source.PrivateEndpoint!, out var connection))
            {
                trace?.Add("network", false, $"private endpoint '{source.PrivateEndpoint}' has no connection to server '{server.Name}'");
                return ConnectionErrors.PrivateEndpointNotConnected(source.PrivateEndpoint!, server.Name);
            }
            var approved = connection.Status == PrivateEndpointStatus.Approved;
            trace?.Add("network", approved, $"private endpoint connection '{connection.Name}' is {connection.Status}; firewall and VNet rules do not apply");
            rule = connection.Name;
            return approved ? null : ConnectionErrors.PrivateEndpointNotApproved(connection.Name, connection.Status.ToString());
        }

        if (!server.PublicNetworkAccess)
        {
            trace?.Add("network", false, "publicNetworkAccess is Disabled: only approved private endpoints may connect");
            return ConnectionErrors.PublicNetworkAccessDisabled;
        }

        if (source.Kind == PresentedKind.ServiceEndpoint)
        {
            if (server.VirtualNetworkRulesBySubnet.TryGetValue(source.SubnetId!, out var vnetRule))
            {
                trace?.Add("network", true, $"virtual network rule '{vnetRule}' names subnet {source.SubnetId}");
                rule = vnetRule;
                return null;
            }
            var azure = server.FirewallRules.Match(Ipv4.AzureServices);
            trace?.Add("network", azure is not null, azure is null
                ? $"no virtual network rule names subnet {source.SubnetId}, and no rule allows access to Azure services; IP rules do not see VNet traffic"
                : $"no virtual network rule names the subnet, but firewall rule '{azure.Name}' ({azure.Range}) allows access to Azure services");
            rule = azure?.Name;
            return azure is null ? ConnectionErrors.VnetDenied : null;
        }

        var isAzure = source.Kind == PresentedKind.Azure;
        var match = isAzure ? server.FirewallRules.MatchAzure(source.Address) : server.FirewallRules.Match(source.Address);
        trace?.Add("network", match is not null, match is null
            ? $"no firewall rule of {server.FirewallRules.Rules.Count} contains {source.Address}{(isAzure ? " or 0.0.0.0 (Azure services)" : "")}: default deny"
            : $"firewall rule '{match.Name}' ({match.Range}) contains {(match.Range.Contains(source.Address) ? source.Address : Ipv4.AzureServices + ", how Azure traffic is presented")}");
        rule = match?.Name;
        return match is null ? ConnectionErrors.FirewallDenied(source.Address.ToString()) : null;
    }

    private static Verdict? Authenticate(IAccountDirectory accounts, in AdmissionRequest request, DecisionTrace? trace)
    {
        var ok = accounts.Authenticate(request.Login, request.Password, request.Proof);
        trace?.Add("authentication", ok, ok ? $"login '{request.Login}' authenticated" : $"login '{request.Login}' unknown or wrong password");
        var usedPassword = request.Proof is { } proof ? !proof.Empty : !string.IsNullOrEmpty(request.Password);
        return ok ? null : ConnectionErrors.AccessDenied(request.Login, request.Source.ClientAddress, usedPassword);
    }

    private static Verdict? CheckCapacity(ServerPolicy server, int openConnections, DecisionTrace? trace)
    {
        var full = openConnections >= server.MaxConnections;
        trace?.Add("max_connections", !full, $"{openConnections} of {server.MaxConnections} connections open (max_connections for {server.Sku.Name})");
        return full ? ConnectionErrors.TooManyConnections : null;
    }

    private static Verdict? CheckDatabase(IAccountDirectory accounts, in AdmissionRequest request, DecisionTrace? trace)
    {
        if (request.Database is not { } database)
            return null;
        if (accounts.MayUseDatabase(request.Login, database, out var host))
        {
            trace?.Add("database", true, $"login '{request.Login}' has privileges on database '{database}'");
            return null;
        }
        var denied = ConnectionErrors.DatabaseAccessDenied(request.Login, host, database);
        trace?.Add("database", false, denied.Message);
        return denied;
    }
}
