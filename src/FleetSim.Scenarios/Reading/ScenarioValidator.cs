using FleetSim.Policy.Network;
using FleetSim.Policy.Spec;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Reading;

/// <summary>Every rule a scenario file must follow, reported all at once as "path: message".</summary>
public static class ScenarioValidator
{
    public static readonly IReadOnlySet<string> SourceKinds = new HashSet<string>(StringComparer.Ordinal) { "internet", "azure", "subnet", "privateEndpoint" };
    public static readonly IReadOnlySet<string> ServerPicks = new HashSet<string>(StringComparer.Ordinal) { "uniform", "zipf" };

    /// <summary>How a population's clients connect: FleetSim's simulated connector, or real MariaDB protocol clients.</summary>
    public static readonly IReadOnlySet<string> Vias = new HashSet<string>(StringComparer.Ordinal) { "simulated", "wire" };

    public static IReadOnlyList<string> Validate(ScenarioSpec spec)
    {
        var errors = new ScenarioErrors();
        if (string.IsNullOrWhiteSpace(spec.Name))
            errors.Add("name", "required");
        ValidateFleet(spec.Fleet, errors);
        if (spec.Populations.Count == 0)
            errors.Add("populations", "at least one population of clients is required");
        for (var i = 0; i < spec.Populations.Count; i++)
            ValidatePopulation(spec.Populations[i], $"populations[{i}]", errors);
        if (spec.Load.Count == 0)
            errors.Add("load", "at least one load simulation is required, e.g. {\"kind\": \"inject\", \"rate\": 100, \"interval\": \"1s\", \"during\": \"30s\"}");
        for (var i = 0; i < spec.Load.Count; i++)
            LoadSimulations.Validate(spec.Load[i], $"load[{i}]", errors);
        if (spec.WarmUp is not null && !Durations.TryParse(spec.WarmUp, out _))
            errors.Add("warmUp", $"'{spec.WarmUp}' is not {Durations.Format}");
        if (spec.MaxFailCount is <= 0)
            errors.Add("maxFailCount", $"{spec.MaxFailCount} must be greater than 0");
        return errors.All;
    }

    private static void ValidateFleet(ScenarioFleetSpec? fleet, ScenarioErrors errors)
    {
        var given = fleet is null ? 0 : (fleet.Inline is null ? 0 : 1) + (fleet.File is null ? 0 : 1) + (fleet.Generate is null ? 0 : 1);
        if (given != 1)
        {
            errors.Add("fleet", "give exactly one of inline (a fleet specification), file (a fleet file) or generate (a fleet shape)");
            return;
        }
        if (fleet!.Generate is { } shape)
            ValidateShape(shape, "fleet.generate", errors);
    }

    private static void ValidateShape(FleetGeneratorSpec shape, string path, ScenarioErrors errors)
    {
        errors.Between(shape.ServersPerRegion, 1, 100_000, $"{path}.serversPerRegion");
        var maxRules = 128 - (shape.AllowAzureServicesShare > 0 ? 1 : 0);
        errors.Between(shape.FirewallRulesPerServer, 0, maxRules, $"{path}.firewallRulesPerServer");
        if (!Ipv4Range.TryParseCidr(shape.FirewallRuleBlock, out var block))
            errors.Add($"{path}.firewallRuleBlock", $"'{shape.FirewallRuleBlock}' is not an IPv4 CIDR block such as 203.0.0.0/8");
        else if (block.Size / 256 < shape.FirewallRulesPerServer)
            errors.Add($"{path}.firewallRuleBlock", $"{shape.FirewallRuleBlock} holds fewer than {shape.FirewallRulesPerServer} /24 ranges");
        errors.Weights(shape.Skus, $"{path}.skus", name => Sku.TryParse(name, out _), string.Join(", ", Sku.AllNames));
        errors.Share(shape.AllowAzureServicesShare, $"{path}.allowAzureServicesShare");
        errors.Share(shape.PublicNetworkAccessDisabledShare, $"{path}.publicNetworkAccessDisabledShare");
        errors.Share(shape.StoppedShare, $"{path}.stoppedShare");
        errors.Share(shape.InaccessibleShare, $"{path}.inaccessibleShare");
        if (shape.StoppedShare + shape.InaccessibleShare > 1)
            errors.Add($"{path}.inaccessibleShare", "stoppedShare and inaccessibleShare add up to more than 1");
        errors.Between(shape.VirtualNetworkRulesPerServer, 0, Generation.FleetGenerator.EndpointSubnetsPerRegion, $"{path}.virtualNetworkRulesPerServer");
        errors.Between(shape.PrivateEndpointsPerServer, 0, 16, $"{path}.privateEndpointsPerServer");
        errors.Between(shape.UsersPerServer, 0, 100, $"{path}.usersPerServer");
        if (!TlsVersions.TryParseMinimal(shape.MinimalTlsVersion, out _))
            errors.Add($"{path}.minimalTlsVersion", $"'{shape.MinimalTlsVersion}' is not one of {TlsVersions.MinimalNames}");
    }

    private static void ValidatePopulation(PopulationSpec population, string path, ScenarioErrors errors)
    {
        if (string.IsNullOrWhiteSpace(population.Name))
            errors.Add($"{path}.name", "required");
        errors.Positive(population.Weight, $"{path}.weight");
        if (!SourceKinds.Contains(population.Source.Kind))
            errors.Add($"{path}.source.kind", $"'{population.Source.Kind}' is not one of {string.Join(", ", SourceKinds)}");
        for (var i = 0; i < population.Source.Ranges.Count; i++)
        {
            if (!Ipv4Range.TryParseCidr(population.Source.Ranges[i], out _))
                errors.Add($"{path}.source.ranges[{i}]", $"'{population.Source.Ranges[i]}' is not an IPv4 CIDR block");
        }
        if (population.Source.Ranges.Count == 0 && population.Source.AllowedShare < 1 && population.Source.Kind is "internet" or "azure")
            errors.Add($"{path}.source.ranges", "needs at least one range unless allowedShare is 1");
        errors.Share(population.Source.AllowedShare, $"{path}.source.allowedShare");
        errors.Between(population.Source.AddressesPerServer, 0, 1_000_000, $"{path}.source.addressesPerServer");
        errors.Weights(population.Tls, $"{path}.tls", v => TlsVersions.TryParseOffered(v, out _), "none, 1.0, 1.1, 1.2, 1.3");
        errors.Share(population.WrongPasswordShare, $"{path}.wrongPasswordShare");
        errors.Share(population.HostTypoShare, $"{path}.hostTypoShare");
        errors.Share(population.UserTypoShare, $"{path}.userTypoShare");
        if (population.PinnedGatewayIp is not null && !Ipv4.TryParse(population.PinnedGatewayIp, out _))
            errors.Add($"{path}.pinnedGatewayIp", $"'{population.PinnedGatewayIp}' is not an IPv4 address");
        foreach (var (sku, i) in population.Servers.Skus.Select((s, i) => (s, i)))
        {
            if (!Sku.TryParse(sku, out _))
                errors.Add($"{path}.servers.skus[{i}]", $"'{sku}' is not a SKU");
        }
        errors.Weights(population.Apps, $"{path}.apps", name => name.Length > 0, "a client program name");
        if (!Vias.Contains(population.Via))
            errors.Add($"{path}.via", $"'{population.Via}' is not one of simulated, wire");
        if (!ServerPicks.Contains(population.Servers.Pick))
            errors.Add($"{path}.servers.pick", $"'{population.Servers.Pick}' is not one of uniform, zipf");
        errors.Positive(population.Servers.Exponent, $"{path}.servers.exponent");
        if (!Durations.TryParse(population.Session.ThinkTime, out _))
            errors.Add($"{path}.session.thinkTime", $"'{population.Session.ThinkTime}' is not {Durations.Format}");
        if (!Durations.TryParse(population.Session.Hold, out _))
            errors.Add($"{path}.session.hold", $"'{population.Session.Hold}' is not {Durations.Format}");
    }
}
