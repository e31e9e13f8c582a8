using FleetSim.Policy.Changes;
using FleetSim.Policy.Spec;

namespace FleetSim.Contracts.Fleet;

/// <summary>
/// A `server ...` verb as the message the fleet directory applies in one turn: the change in the
/// domain's terms (<see cref="ServerChange"/>) decides refusals and the result.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record ServerCommand
{
    public abstract ServerChange ToChange();
}

[GenerateSerializer, Immutable]
public sealed record CreateOrUpdateFirewallRuleCommand(string Server, FirewallRuleSpec Rule) : ServerCommand
{
    public override ServerChange ToChange() => new CreateOrUpdateFirewallRule(Server, Rule);
}

[GenerateSerializer, Immutable]
public sealed record DeleteFirewallRuleCommand(string Server, string Name) : ServerCommand
{
    public override ServerChange ToChange() => new DeleteFirewallRule(Server, Name);
}

[GenerateSerializer, Immutable]
public sealed record CreateOrUpdateVirtualNetworkRuleCommand(string Server, VirtualNetworkRuleSpec Rule) : ServerCommand
{
    public override ServerChange ToChange() => new CreateOrUpdateVirtualNetworkRule(Server, Rule);
}

[GenerateSerializer, Immutable]
public sealed record DeleteVirtualNetworkRuleCommand(string Server, string Name) : ServerCommand
{
    public override ServerChange ToChange() => new DeleteVirtualNetworkRule(Server, Name);
}

[GenerateSerializer, Immutable]
public sealed record SetPrivateEndpointConnectionStatusCommand(string Server, string Name, PrivateEndpointStatus Status) : ServerCommand
{
    public override ServerChange ToChange() => new SetPrivateEndpointConnectionStatus(Server, Name, Status);
}

[GenerateSerializer, Immutable]
public sealed record SetConfigurationCommand(string Server, string Name, string Value) : ServerCommand
{
    public override ServerChange ToChange() => new SetConfiguration(Server, Name, Value);
}

[GenerateSerializer, Immutable]
public sealed record SetServerStateCommand(string Server, ServerState State) : ServerCommand
{
    public override ServerChange ToChange() => new SetServerState(Server, State);
}

[GenerateSerializer, Immutable]
public sealed record UpdateServerCommand(string Server, string? Sku, string? SslEnforcement, string? MinimalTlsVersion, string? PublicNetworkAccess) : ServerCommand
{
    public override ServerChange ToChange() => new UpdateServer(Server, Sku, SslEnforcement, MinimalTlsVersion, PublicNetworkAccess);
}

/// <summary>Carries the new server's clear password once; the directory keeps only its hash.</summary>
[GenerateSerializer, Immutable]
public sealed record CreateServerCommand(ServerSpec Spec) : ServerCommand
{
    public override ServerChange ToChange() => new CreateServer(Spec);
}

[GenerateSerializer, Immutable]
public sealed record DeleteServerCommand(string Server) : ServerCommand
{
    public override ServerChange ToChange() => new DeleteServer(Server);
}

/// <summary>`server restore`: the directory finds the source's backup itself, so the restore is one step.</summary>
/// <param name="Server">The new server's name.</param>
/// <param name="SourceServer">The server whose backup to restore.</param>
/// <param name="PointInTime">The state in force at this time; null for the latest backup.</param>
[GenerateSerializer, Immutable]
public sealed record RestoreServerCommand(string Server, string SourceServer, DateTimeOffset? PointInTime);

/// <summary>What a restore did, and the time of the backup it restored (null when refused).</summary>
[GenerateSerializer, Immutable]
public sealed record RestoreResult(ProvisionResult Provisioned, DateTimeOffset? BackupTakenAt);
