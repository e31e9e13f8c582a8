using FleetSim.Policy.Validation;
using FleetSim.Scenarios.Reading;

namespace FleetSim.Scenarios.Tests;

public sealed class ScenarioReaderTests
{
    private const string Valid = """
        {
          "name": "tiny",
          "seed": 3,
          "fleet": { "generate": { "serversPerRegion": 2 } },
          "populations": [ { "name": "office", "source": { "kind": "internet", "ranges": ["198.51.100.0/24"] } } ],
          "load": [ { "kind": "inject", "rate": 10, "interval": "1s", "during": "2s" } ],
          "thresholds": [ "fail.rate < 0.5" ]
        }
        """;

    private static FleetSpecException Rejected(string json) =>
        Assert.Throws<FleetSpecException>(() => ScenarioReader.Read(json, "scenario.json", "."));

    [Fact]
    public void A_valid_scenario_reads_with_its_generated_fleet()
    {
        var scenario = ScenarioReader.Read(Valid, "scenario.json", ".");
        Assert.Equal(4, scenario.Fleet.Servers.Count);
        Assert.Equal("tiny", scenario.Spec.Name);
    }

    [Fact]
    public void Every_problem_is_reported_with_its_path()
    {
        var json = Valid
            .Replace("\"kind\": \"internet\"", "\"kind\": \"intranet\"", StringComparison.Ordinal)
            .Replace("\"rate\": 10", "\"rate\": -1", StringComparison.Ordinal)
            .Replace("\"during\": \"2s\"", "\"during\": \"2 seconds\"", StringComparison.Ordinal);
        var errors = Rejected(json).Errors;
        Assert.Contains("populations[0].source.kind: 'intranet' is not one of internet, azure, subnet, privateEndpoint", errors);
        Assert.Contains("load[0].rate: -1 must be greater than 0", errors);
        Assert.Contains(errors, e => e.StartsWith("load[0].during: '2 seconds' is not a positive duration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_needs_exactly_one_kind_of_fleet()
    {
        var json = Valid.Replace("{ \"generate\": { \"serversPerRegion\": 2 } }", "{ \"generate\": {}, \"file\": \"fleet.json\" }", StringComparison.Ordinal);
        Assert.Contains(Rejected(json).Errors, e => e.StartsWith("fleet: give exactly one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_load_simulation_names_the_fields_it_needs()
    {
        var json = Valid.Replace("{ \"kind\": \"inject\", \"rate\": 10, \"interval\": \"1s\", \"during\": \"2s\" }", "{ \"kind\": \"keepConstant\" }", StringComparison.Ordinal);
        var errors = Rejected(json).Errors;
        Assert.Contains("load[0].copies: required for keepConstant", errors);
        Assert.Contains("load[0].during: required for keepConstant", errors);
    }

    [Fact]
    public void An_inline_fleet_is_validated_with_paths_inside_the_scenario()
    {
        var json = Valid.Replace("{ \"generate\": { \"serversPerRegion\": 2 } }",
            "{ \"inline\": { \"regions\": [ { \"name\": \"eastus\", \"gateways\": [ { \"ip\": \"40.71.8.203\" } ] } ], \"servers\": [ { \"name\": \"X\", \"region\": \"eastus\", \"administratorLogin\": \"dbadmin\", \"administratorLoginPassword\": \"Contoso!2026\" } ] } }",
            StringComparison.Ordinal);
        Assert.Contains(Rejected(json).Errors, e => e.StartsWith("fleet.inline.servers[0].name:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelled_property_is_an_error_not_a_silent_default()
    {
        var json = Valid.Replace("\"seed\": 3", "\"sed\": 3", StringComparison.Ordinal);
        Assert.Contains(Rejected(json).Errors, e => e.Contains("sed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("keepconstant")]
    [InlineData("KEEPCONSTANT")]
    [InlineData("KeepConstant")]
    public void A_load_simulation_kind_is_read_in_any_case_and_kept_in_its_documented_spelling(string kind)
    {
        var json = Valid.Replace("{ \"kind\": \"inject\", \"rate\": 10, \"interval\": \"1s\", \"during\": \"2s\" }",
            $"{{ \"kind\": \"{kind}\", \"copies\": 2, \"during\": \"2s\" }}", StringComparison.Ordinal);
        Assert.Equal("keepConstant", Assert.Single(ScenarioReader.Read(json, "scenario.json", ".").Spec.Load).Kind);
    }

    [Fact]
    public void A_source_kind_is_read_in_any_case_and_kept_in_its_documented_spelling()
    {
        var json = Valid.Replace("\"kind\": \"internet\"", "\"kind\": \"Internet\"", StringComparison.Ordinal);
        Assert.Equal("internet", Assert.Single(ScenarioReader.Read(json, "scenario.json", ".").Spec.Populations).Source.Kind);
    }

    [Fact]
    public void A_misspelled_kind_is_still_refused_with_the_documented_choices()
    {
        var json = Valid.Replace("\"kind\": \"inject\"", "\"kind\": \"Injekt\"", StringComparison.Ordinal);
        Assert.Contains(Rejected(json).Errors, e => e.StartsWith("load[0].kind: 'Injekt' is not one of keepConstant, rampingConstant", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "line 1: expected a scenario object")]
    [InlineData("null", "line 1: expected a scenario object, not null")]
    public void A_scenario_is_an_object(string json, string error) => Assert.Equal([error], Rejected(json).Errors);

    [Theory]
    [InlineData("\"rate\": 10", "\"rate\": \"ten\"", "load[0].rate: expected an integer")]
    [InlineData("\"load\": [", "\"load\": [ [], ", "load[0]: expected an object")]
    [InlineData("\"name\": \"office\",", "\"name\": \"office\", \"weight\": \"heavy\",", "populations[0].weight: expected a number")]
    public void A_value_of_the_wrong_shape_is_named_in_the_files_terms_not_as_a_dotnet_type(string find, string replacement, string error)
    {
        var json = Valid.Replace(find, replacement, StringComparison.Ordinal);
        var message = Assert.Single(Rejected(json).Errors);
        Assert.EndsWith(error, message, StringComparison.Ordinal);
        Assert.DoesNotContain("FleetSim.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
    }
}
