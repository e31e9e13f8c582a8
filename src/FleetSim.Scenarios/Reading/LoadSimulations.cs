using FleetSim.Scenarios.Spec;

namespace FleetSim.Scenarios.Reading;

/// <summary>The NBomber load simulations a scenario may chain, and what each one needs.</summary>
internal static class LoadSimulations
{
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["keepConstant"] = ["copies", "during"],
        ["rampingConstant"] = ["copies", "during"],
        ["iterationsForConstant"] = ["copies", "iterations"],
        ["inject"] = ["rate", "interval", "during"],
        ["rampingInject"] = ["rate", "interval", "during"],
        ["injectRandom"] = ["minRate", "maxRate", "interval", "during"],
        ["iterationsForInject"] = ["rate", "interval", "iterations"],
        ["pause"] = ["during"],
    };

    /// <summary>The kinds, as documented (NBomber's names in camelCase).</summary>
    public static IEnumerable<string> Kinds => Required.Keys;

    public static void Validate(LoadSimulationSpec load, string path, ScenarioErrors errors)
    {
        if (load.Kind is null || !Required.TryGetValue(load.Kind, out var fields))
        {
            errors.Add($"{path}.kind", $"'{load.Kind}' is not one of {string.Join(", ", Required.Keys)}");
            return;
        }
        foreach (var field in fields)
        {
            var present = field switch
            {
                "copies" => load.Copies is not null,
                "rate" => load.Rate is not null,
                "minRate" => load.MinRate is not null,
                "maxRate" => load.MaxRate is not null,
                "iterations" => load.Iterations is not null,
                "interval" => load.Interval is not null,
                _ => load.During is not null,
            };
            if (!present)
                errors.Add($"{path}.{field}", $"required for {load.Kind}");
        }
        Positive(load.Copies, $"{path}.copies", errors, allowZero: load.Kind == "rampingConstant");
        Positive(load.Rate, $"{path}.rate", errors, allowZero: load.Kind == "rampingInject");
        Positive(load.MinRate, $"{path}.minRate", errors, allowZero: true);
        Positive(load.MaxRate, $"{path}.maxRate", errors, allowZero: false);
        Positive(load.Iterations, $"{path}.iterations", errors, allowZero: false);
        if (load is { MinRate: { } min, MaxRate: { } max } && min > max)
            errors.Add($"{path}.minRate", $"{min} is greater than maxRate {max}");
        Duration(load.Interval, $"{path}.interval", errors);
        Duration(load.During, $"{path}.during", errors);
    }

    private static void Positive(int? value, string path, ScenarioErrors errors, bool allowZero)
    {
        if (value is { } v && (v < 0 || (v == 0 && !allowZero)))
            errors.Add(path, $"{v} must be {(allowZero ? "0 or more" : "greater than 0")}");
    }

    private static void Duration(string? text, string path, ScenarioErrors errors)
    {
        if (text is not null && (!Durations.TryParse(text, out var duration) || duration <= TimeSpan.Zero))
            errors.Add(path, $"'{text}' is not a positive duration: {Durations.Format}");
    }
}
