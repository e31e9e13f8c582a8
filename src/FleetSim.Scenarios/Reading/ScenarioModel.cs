using FleetSim.Policy.Validation;

namespace FleetSim.Scenarios.Reading;

/// <summary>A scenario's "model" section replaces its fleet's, so that one fleet file serves several capacity experiments.</summary>
internal static class ScenarioModel
{
    /// <exception cref="FleetSpecException">The scenario's model breaks a rule.</exception>
    public static ScenarioFile Apply(ScenarioFile scenario)
    {
        if (scenario.Spec.Model is not { } model)
            return scenario;
        var fleet = scenario.Fleet with { Model = model };
        var errors = FleetSpecValidator.Validate(fleet).Where(e => e.StartsWith("model.", StringComparison.Ordinal)).ToList();
        return errors.Count > 0 ? throw new FleetSpecException(scenario.Source, errors) : scenario with { Fleet = fleet };
    }
}
