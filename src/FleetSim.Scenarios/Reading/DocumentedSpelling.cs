using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Reading;

/// <summary>
/// The names a scenario chooses from (load simulation kinds, source kinds) are read in any case,
/// since users coming from NBomber write "KeepConstant"; once read they carry the documented
/// spelling, so that validation, the run and its output see one spelling only.
/// </summary>
internal static class DocumentedSpelling
{
    public static ScenarioSpec Apply(ScenarioSpec spec) => spec with
    {
        Load = [.. spec.Load.Select(load => load.Kind is null ? load : load with { Kind = Of(LoadSimulations.Kinds, load.Kind) })],
        Populations = [.. spec.Populations.Select(population => population with
        {
            Source = population.Source with { Kind = Of(ScenarioValidator.SourceKinds, population.Source.Kind) },
            Via = Of(ScenarioValidator.Vias, population.Via),
        })],
    };

    /// <summary>The documented name <paramref name="given"/> spells in another case, or <paramref name="given"/> as it is (validation then names the choices).</summary>
    private static string Of(IEnumerable<string> documented, string given) =>
        documented.FirstOrDefault(name => string.Equals(name, given, StringComparison.OrdinalIgnoreCase)) ?? given;
}
