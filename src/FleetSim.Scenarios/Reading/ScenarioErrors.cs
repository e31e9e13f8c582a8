using System.Globalization;

namespace FleetSim.Scenarios.Reading;

/// <summary>Collects scenario problems as "path: message", the form fleet documents use.</summary>
internal sealed class ScenarioErrors
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> All => _errors;

    public void Add(string path, string message) => _errors.Add($"{path}: {message}");

    public void Share(double value, string path)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
            Add(path, $"{Format(value)} is not a share between 0 and 1");
    }

    public void Positive(double value, string path)
    {
        if (!(value > 0))
            Add(path, $"{Format(value)} must be greater than 0");
    }

    public void Between(int value, int min, int max, string path)
    {
        if (value < min || value > max)
            Add(path, $"{value} is not between {min} and {max}");
    }

    public void Weights(IReadOnlyDictionary<string, double> weights, string path, Func<string, bool> validKey, string validKeys)
    {
        foreach (var (key, weight) in weights)
        {
            if (!validKey(key))
                Add($"{path}.{key}", $"'{key}' is not one of {validKeys}");
            if (weight < 0 || double.IsNaN(weight))
                Add($"{path}.{key}", $"weight {Format(weight)} must not be negative");
        }
        if (weights.Count == 0 || !(weights.Values.Sum() > 0))
            Add(path, "needs at least one positive weight");
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
