using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Reading;

namespace FleetSim.Scenarios.Tests;

/// <summary>A scenario's "model" replaces its fleet's, so one fleet serves several capacity experiments.</summary>
public sealed class ScenarioModelTests
{
    private static string Scenario(string model) => $$"""
        {
          "name": "tiny",
          "fleet": { "generate": { "serversPerRegion": 2 } },
          {{model}}
          "populations": [ { "name": "office", "source": { "kind": "internet", "ranges": ["198.51.100.0/24"] } } ],
          "load": [ { "kind": "inject", "rate": 10, "interval": "1s", "during": "2s" } ]
        }
        """;

    [Fact]
    public void A_scenario_s_model_is_the_fleet_s_model()
    {
        var scenario = ScenarioReader.Read(Scenario("""  "model": { "gateway": { "workers": 3 } },"""), "scenario.json", ".");
        Assert.Equal(3, scenario.Fleet.Model!.Gateway.Workers);
    }

    [Fact]
    public void Without_one_the_fleet_has_no_model() =>
        Assert.Null(ScenarioReader.Read(Scenario(""), "scenario.json", ".").Fleet.Model);

    [Fact]
    public void A_bad_model_is_reported_with_its_path() =>
        Assert.Equal(
            ["model.gateway.workers: '0' must be a positive whole number of workers"],
            Assert.Throws<FleetSpecException>(() => ScenarioReader.Read(Scenario("""  "model": { "gateway": { "workers": 0 } },"""), "scenario.json", ".")).Errors);

    [Fact]
    public void The_bundled_capacity_model_scenario_reads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "loadtests", "scenarios", "capacity-model.json");
        Assert.NotNull(ScenarioReader.ReadFile(path).Fleet.Model);
    }
}
