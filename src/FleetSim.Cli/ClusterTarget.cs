using System.CommandLine;
using FleetSim.Grains;
using FleetSim.Grains.Audit;
using FleetSim.Hosting;

namespace FleetSim.Cli;

/// <summary>
/// Where a verb runs, from --gateway and --cluster: a running FleetSim cluster, or without either
/// the verb's embedded single silo. (Not Orleans' ClusterOptions, which are a silo's ids.)
/// </summary>
public sealed class ClusterTarget
{
    private readonly Option<string?> _gateway = new("--gateway") { Description = "A running cluster's gateway, host:port (e.g. 127.0.0.1:30000)." };
    private readonly Option<string?> _cluster = new("--cluster") { Description = "A running cluster's silo.json: ids, gateway port (or Redis clustering) and audit store are read from it." };
    private readonly Option<string?> _durability = new("--audit-durability")
    {
        Description = $"The embedded silo's audit durability, {SiloConfiguration.DurabilityNames}: batched answers clients first and writes audit records in batches; acknowledged answers only once a call's records are stored (group commit). Default: batched. A cluster's silos take FleetSim:AuditDurability from their silo.json.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_gateway);
        command.Options.Add(_cluster);
    }

    /// <summary>For verbs that write audit records through an embedded silo by default (run, check).</summary>
    public void AddWithDurabilityTo(Command command)
    {
        AddTo(command);
        command.Options.Add(_durability);
    }

    /// <summary>True when the verb runs on its own embedded silo: neither --gateway nor --cluster is given.</summary>
    public bool IsEmbedded(ParseResult parse) => parse.GetValue(_gateway) is null && parse.GetValue(_cluster) is null;

    /// <param name="parse">The parsed command line.</param>
    /// <param name="embeddedStore">The audit store of an embedded silo.</param>
    /// <param name="verbose">Show the embedded silo's log.</param>
    /// <param name="cancellationToken">Stops a start or connection that takes too long.</param>
    /// <param name="configure">Extra wiring of an embedded silo (the web page's decision feed).</param>
    public async Task<IFleetHost> OpenAsync(ParseResult parse, string embeddedStore, bool verbose, CancellationToken cancellationToken, Action<ISiloBuilder>? configure = null)
    {
        var gateway = parse.GetValue(_gateway);
        var cluster = parse.GetValue(_cluster);
        if (gateway is not null && cluster is not null)
            throw new InputException(["give --gateway or --cluster, not both"]);
        var durabilityText = parse.GetValue(_durability);
        if (durabilityText is not null && (gateway ?? cluster) is not null)
            throw new InputException(["--audit-durability: applies to the embedded silo only; a cluster's silos read FleetSim:AuditDurability from their silo.json"]);
        if (cluster is not null)
            return await RemoteCluster.ConnectWithConfigurationAsync(cluster, cancellationToken);
        if (gateway is not null)
            return await RemoteCluster.ConnectToGatewayAsync(gateway, cancellationToken: cancellationToken);
        var durability = durabilityText is null ? AuditDurability.Batched
            : SiloConfiguration.ParseDurability(durabilityText) ?? throw new InputException([$"--audit-durability: '{durabilityText}' is not {SiloConfiguration.DurabilityNames}"]);
        return await EmbeddedSilo.StartAsync(embeddedStore, verbose, durability, configure, cancellationToken);
    }

    /// <summary>
    /// For management verbs, which only make sense against a running cluster: --gateway, --cluster,
    /// or else the silo.json of the working directory.
    /// </summary>
    public async Task<IFleetHost> OpenRunningAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var gateway = parse.GetValue(_gateway);
        var cluster = parse.GetValue(_cluster) ?? (gateway is null ? "silo.json" : null);
        if (gateway is not null && parse.GetValue(_cluster) is not null)
            throw new InputException(["give --gateway or --cluster, not both"]);
        return gateway is not null
            ? await RemoteCluster.ConnectToGatewayAsync(gateway, cancellationToken: cancellationToken)
            : await RemoteCluster.ConnectWithConfigurationAsync(cluster!, cancellationToken);
    }
}
