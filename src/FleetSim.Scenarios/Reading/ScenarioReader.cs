using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Generation;
using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Reading;

/// <summary>Reads scenario files; a bad one is rejected whole with every problem, naming the file.</summary>
public static class ScenarioReader
{
    /// <exception cref="FleetSpecException">The file, or the fleet it names or generates, breaks a rule.</exception>
    public static ScenarioFile ReadFile(string path) => Read(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);

    public static ScenarioFile Read(string json, string source, string baseDirectory)
    {
        var spec = DocumentedSpelling.Apply(FleetSpecReader.Deserialize<ScenarioSpec>(json, source, "a scenario object"));
        var errors = ScenarioValidator.Validate(spec);
        if (errors.Count > 0)
            throw new FleetSpecException(source, errors);

        var fleet = spec.Fleet!;
        if (fleet.File is not null)
            return Checked(new ScenarioFile(spec, FleetSpecReader.ReadFile(Path.Combine(baseDirectory, fleet.File)), source));

        var (resolved, prefix) = fleet.Inline is not null
            ? (fleet.Inline, "fleet.inline")
            : (FleetGenerator.Generate(fleet.Generate!, spec.Seed), "fleet.generate (the generated fleet)");
        var fleetErrors = FleetSpecValidator.Validate(resolved);
        if (fleetErrors.Count > 0)
            throw new FleetSpecException(source, [.. fleetErrors.Select(e => $"{prefix}.{e}")]);
        return Checked(new ScenarioFile(spec, resolved, source));
    }

    /// <summary>What can only be checked against the fleet: every population has servers to use.</summary>
    private static ScenarioFile Checked(ScenarioFile scenario)
    {
        scenario = ScenarioModel.Apply(scenario);
        var errors = scenario.Spec.Populations
            .Select((p, i) => (p, i))
            .Where(x => Clients.ClientPopulation.Candidates(scenario.Fleet, x.p.Servers).Count == 0)
            .Select(x => $"populations[{x.i}].servers: no server of the fleet matches this filter")
            .ToList();
        return errors.Count > 0 ? throw new FleetSpecException(scenario.Source, errors) : scenario;
    }
}
