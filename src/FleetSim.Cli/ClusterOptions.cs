using System.CommandLine;
using FleetSim.Hosting;

namespace FleetSim.Cli;

/// <summary>
/// --gateway and --cluster: run against a running FleetSim cluster instead of an embedded silo.
/// Without either, every verb keeps its embedded single-silo default.
/// </summary>
public sealed class ClusterOptions
{
    private readonly Option<string?> _gateway = new("--gateway") { Description = "A running cluster's gateway, host:port (e.g. 127.0.0.1:30000)." };
    private readonly Option<string?> _cluster = new("--cluster") { Description = "A running cluster's silo.json: ids, gateway port and audit store are read from it." };

    public void AddTo(Command command)
    {
        command.Options.Add(_gateway);
        command.Options.Add(_cluster);
    }

    /// <param name="parse">The parsed command line.</param>
    /// <param name="embeddedStore">The audit store of an embedded silo.</param>
    /// <param name="verbose">Show the embedded silo's log.</param>
    /// <param name="cancellationToken">Stops a start or connection that takes too long.</param>
    public async Task<IFleetHost> OpenAsync(ParseResult parse, string embeddedStore, bool verbose, CancellationToken cancellationToken)
    {
        var gateway = parse.GetValue(_gateway);
        var cluster = parse.GetValue(_cluster);
        if (gateway is not null && cluster is not null)
            throw new InputException(["give --gateway or --cluster, not both"]);
        if (cluster is not null)
            return await RemoteCluster.ConnectWithConfigurationAsync(cluster, cancellationToken);
        if (gateway is not null)
            return await RemoteCluster.ConnectToGatewayAsync(gateway, cancellationToken: cancellationToken);
        return await EmbeddedSilo.StartAsync(embeddedStore, verbose, cancellationToken: cancellationToken);
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
