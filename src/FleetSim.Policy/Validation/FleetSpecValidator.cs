using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>
/// Checks a fleet document against the real service's rules and reports every problem as
/// "path: message". It never throws on a document, whatever it holds; a document it accepts
/// compiles with <see cref="Admission.ServerPolicy.Compile"/> and <see cref="Routing.FleetDirectory.FromSpec"/>.
/// </summary>
public static class FleetSpecValidator
{
    public static IReadOnlyList<string> Validate(FleetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new ValidationErrors();
        var root = SpecPath.Root;
        var regions = RegionValidator.Validate(spec.Regions, root.Property("regions"), errors);
        var subnets = VirtualNetworkValidator.Validate(spec.VirtualNetworks, regions, root.Property("virtualNetworks"), errors);
        ServerValidator.Validate(spec.Servers, new DeclaredFleet(regions, subnets), root.Property("servers"), errors);
        if (spec.RuleChangeDelay is not null && !SpecDuration.TryParse(spec.RuleChangeDelay, out _))
            errors.Add(root.Property("ruleChangeDelay"), $"'{spec.RuleChangeDelay}' is not a duration such as 30s, 5m or 1h");
        if (spec.Model is { } model)
            Model.ModelValidator.Validate(model, root.Property("model"), errors);
        return [.. errors.All, .. ThreatSpecValidator.Validate(spec), .. KeyVaultValidator.Validate(spec)];
    }
}
