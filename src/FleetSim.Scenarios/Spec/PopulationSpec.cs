namespace FleetSim.Scenarios.Spec;

/// <summary>A kind of client: where it comes from, how it connects, which servers it uses, what it does.</summary>
public sealed record PopulationSpec
{
    public string? Name { get; init; }

    /// <summary>Relative share of sessions started by this population.</summary>
    public double Weight { get; init; } = 1;

    public SourceSpec Source { get; init; } = new();

    /// <summary>TLS versions offered, with weights: {"1.2": 8, "1.3": 2, "none": 0}.</summary>
    public Dictionary<string, double> Tls { get; init; } = new() { ["1.2"] = 1 };

    /// <summary>Share of logins with a wrong password.</summary>
    public double WrongPasswordShare { get; init; }

    /// <summary>Share of clients that misspell the host name (DNS fails: HostNotFound).</summary>
    public double HostTypoShare { get; init; }

    /// <summary>Share of clients that misspell the server in user@server (the gateway answers 9002).</summary>
    public double UserTypoShare { get; init; }

    /// <summary>A gateway address these clients dial instead of resolving the host, e.g. a retired one.</summary>
    public string? PinnedGatewayIp { get; init; }

    /// <summary>
    /// How these clients reach the fleet: "simulated" (FleetSim's own connector, straight to the
    /// gateway grains) or "wire" (MySqlConnector over the MariaDB protocol, through a listener per
    /// gateway and source address, so that the protocol path is loaded too).
    /// </summary>
    public string Via { get; init; } = "simulated";

    /// <summary>Client program names with weights, e.g. {"mysql": 9, "sqlmap": 1}.</summary>
    public Dictionary<string, double> Apps { get; init; } = new() { ["mysql"] = 1 };

    public ServerChoiceSpec Servers { get; init; } = new();
    public SessionSpec Session { get; init; } = new();
}

public sealed record SourceSpec
{
    /// <summary>internet, azure, subnet or privateEndpoint.</summary>
    public string Kind { get; init; } = "internet";

    /// <summary>CIDR ranges addresses are drawn from when the client is not on an allowed address.</summary>
    public List<string> Ranges { get; init; } = ["198.51.100.0/24"];

    /// <summary>
    /// Share of clients that come from an address the target server allows (one of its firewall
    /// rules, or a subnet of one of its virtual network rules); the rest come from Ranges.
    /// </summary>
    public double AllowedShare { get; init; } = 0.9;

    /// <summary>
    /// When above 0, each server sees this population from only this many addresses (a botnet, a
    /// few office NATs), so that repeated logins from one address happen, as brute force needs.
    /// </summary>
    public int AddressesPerServer { get; init; }
}

public sealed record ServerChoiceSpec
{
    /// <summary>uniform, or zipf: a few hot servers take most sessions.</summary>
    public string Pick { get; init; } = "uniform";

    public double Exponent { get; init; } = 1.0;

    /// <summary>Only servers of these SKUs (all when empty), e.g. ["B_Gen5_1"] to fill small servers.</summary>
    public List<string> Skus { get; init; } = [];

    /// <summary>Only these servers (all when empty).</summary>
    public List<string> Names { get; init; } = [];

    /// <summary>Only servers that are Ready with public network access enabled.</summary>
    public bool ReachableOnly { get; init; }
}

public sealed record SessionSpec
{
    public List<string> Statements { get; init; } = [];

    /// <summary>Pause between statements, e.g. "20ms".</summary>
    public string ThinkTime { get; init; } = "0ms";

    /// <summary>How long the connection stays open after its statements, e.g. "2s".</summary>
    public string Hold { get; init; } = "0ms";
}

/// <summary>One NBomber load simulation; the list runs in sequence.</summary>
public sealed record LoadSimulationSpec
{
    /// <summary>keepConstant, rampingConstant, iterationsForConstant, inject, rampingInject, injectRandom, iterationsForInject, pause.</summary>
    public string? Kind { get; init; }
    public int? Copies { get; init; }
    public int? Rate { get; init; }
    public int? MinRate { get; init; }
    public int? MaxRate { get; init; }
    public int? Iterations { get; init; }
    public string? Interval { get; init; }
    public string? During { get; init; }
}
