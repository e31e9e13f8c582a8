using FleetSim.Policy.Model;
using FleetSim.Policy.Tests.Validation;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Model;

/// <summary>The fleet's model section: every part optional, every bad value named with its path.</summary>
public sealed class ModelValidationTests
{
    // The smallest valid fleet with the model section under test.
    private static IReadOnlyList<string> Errors(string model) =>
        FleetSpecValidator.Validate(Fleets.With() with { Model = FleetSpecReader.Deserialize<ModelSpec>(model, "fleet.json", "a model object") });

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"seed": 7, "timeoutMs": 5000, "network": {"rttMs": {"internet": 45, "privateEndpoint": 0.8}, "connectRoundTrips": 3, "gatewayToServerMs": 0.3}}""")]
    [InlineData("""{"tls": {"handshakeRoundTrips": {"1.2": 2, "1.3": 1}, "handshakeCpu": {"distribution": "lognormal", "meanMs": 3, "p99Ms": 12}}}""")]
    [InlineData("""{"gateway": {"workers": 16, "connect": {"distribution": "exponential", "meanMs": 0.4}}, "server": {"workersPerVCore": 4, "login": {"meanMs": 2}}}""")]
    public void A_model_section_with_known_fields_and_sensible_values_is_valid(string model) =>
        Assert.Empty(Errors(model));

    [Theory]
    [InlineData("""{"network": {"rttMs": {"mars": 900}}}""", "model.network.rttMs.mars: 'mars' is not a source kind: one of internet|azure|subnet|privateEndpoint")]
    [InlineData("""{"network": {"rttMs": {"azure": -1}}}""", "model.network.rttMs.azure: '-1' must be zero or more milliseconds")]
    [InlineData("""{"tls": {"handshakeRoundTrips": {"1.4": 1}}}""", "model.tls.handshakeRoundTrips['1.4']: '1.4' is not a TLS version: one of 1.0, 1.1, 1.2, 1.3")]
    [InlineData("""{"gateway": {"workers": 0}}""", "model.gateway.workers: '0' must be a positive whole number of workers")]
    [InlineData("""{"server": {"workersPerVCore": -2}}""", "model.server.workersPerVCore: '-2' must be a positive whole number of workers")]
    [InlineData("""{"server": {"login": {"distribution": "normal", "meanMs": 2}}}""", "model.server.login.distribution: 'normal' is not one of constant|exponential|lognormal")]
    [InlineData("""{"server": {"statement": {"distribution": "exponential"}}}""", "model.server.statement.meanMs: is required: the mean service time in milliseconds")]
    [InlineData("""{"gateway": {"connect": {"distribution": "exponential", "meanMs": 0}}}""", "model.gateway.connect.meanMs: '0' must be a positive number of milliseconds")]
    [InlineData("""{"tls": {"handshakeCpu": {"distribution": "lognormal", "meanMs": 2, "p99Ms": 1}}}""", "model.tls.handshakeCpu.p99Ms: '1' must be above meanMs (2) and at most 14.97 times it: no lognormal has both otherwise")]
    [InlineData("""{"tls": {"handshakeCpu": {"distribution": "constant", "meanMs": 2, "p99Ms": 5}}}""", "model.tls.handshakeCpu.p99Ms: '5' applies only to the lognormal distribution")]
    [InlineData("""{"timeoutMs": 0}""", "model.timeoutMs: '0' must be a positive number of milliseconds")]
    public void A_bad_value_is_reported_with_its_path_and_value(string model, string error) =>
        Assert.Equal([error], Errors(model));

    [Fact]
    public void A_misspelt_field_is_refused_rather_than_silently_defaulted()
    {
        var problem = Assert.Throws<FleetSpecException>(() => Errors("""{"gateway": {"worker": 4}}"""));
        Assert.Contains("worker", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_left_out_take_the_documented_defaults()
    {
        var model = ServiceModel.Compile(new ModelSpec { Network = new NetworkModelSpec { RttMs = new() { ["internet"] = 45 } } });
        Assert.Equal(45, model.RttMs(SourceKind.Internet));
        Assert.Equal(ModelDefaults.RttMs[SourceKind.Azure], model.RttMs(SourceKind.Azure));
        Assert.Equal(ModelDefaults.GatewayWorkers, model.GatewayWorkers);
        Assert.Equal(2 * ModelDefaults.ServerWorkersPerVCore, model.ServerWorkers(2));
        Assert.Equal(1, model.HandshakeRoundTrips(Spec.TlsVersion.Tls1_3));
        Assert.Equal(ModelDefaults.TimeoutMs, model.TimeoutMs);
    }
}
