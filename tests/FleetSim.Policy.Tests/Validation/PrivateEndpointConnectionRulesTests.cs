using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

public sealed class PrivateEndpointConnectionRulesTests
{
    private static ServerSpec WithConnections(params PrivateEndpointConnectionSpec[] connections) =>
        Fleets.Server() with { PrivateEndpointConnections = [.. connections] };

    private static PrivateEndpointConnectionSpec Connection(string? name, string? status = "Approved") => new() { Name = name, Status = status };

    [Theory]
    [InlineData("Pending")]
    [InlineData("Approved")]
    [InlineData("Rejected")]
    public void Connection_status_Pending_Approved_and_Rejected_are_valid(string status) =>
        Assert.Empty(Fleets.Errors(WithConnections(Connection("pe-app", status))));

    [Theory]
    [InlineData("Disconnected")]
    [InlineData("approved")]
    public void Connection_status_is_Pending_Approved_or_Rejected(string status) =>
        Assert.Equal($"servers[0].privateEndpointConnections[0].status: '{status}' is not one of Pending|Approved|Rejected", Fleets.Error(WithConnections(Connection("pe-app", status))));

    [Fact]
    public void Connection_name_is_required() =>
        Assert.Equal("servers[0].privateEndpointConnections[0].name: is required", Fleets.Error(WithConnections(Connection(null))));

    [Fact]
    public void Connection_names_are_unique_per_server() =>
        Assert.Equal("servers[0].privateEndpointConnections[1].name: 'PE-App' is already used by servers[0].privateEndpointConnections[0].name",
            Fleets.Error(WithConnections(Connection("pe-app"), Connection("PE-App"))));
}
