using System.Text.Json;
using CsCheck;
using FleetSim.Policy.Admission;
using FleetSim.Policy.Routing;
using FleetSim.Policy.Spec;
using FleetSim.Policy.Validation;

namespace FleetSim.Policy.Tests.Validation;

public sealed class GeneratedFleetPropertyTests
{
    [Fact]
    public void Generated_valid_fleets_are_accepted_and_compile() =>
        FleetGen.Fleet.Sample(fleet =>
        {
            Assert.Empty(FleetSpecValidator.Validate(fleet));
            AssertCompiles(fleet);
        }, iter: 300);

    [Fact]
    public void Generated_valid_fleets_survive_writing_and_reading_back() =>
        FleetGen.Fleet.Sample(fleet =>
        {
            var written = JsonSerializer.Serialize(fleet, FleetSpecReader.Options);

            var read = FleetSpecReader.Read(written, "generated.json");

            Assert.Equal(written, JsonSerializer.Serialize(read, FleetSpecReader.Options));
        }, iter: 100);

    [Fact]
    public void Validation_never_throws_on_a_damaged_fleet_and_what_it_accepts_compiles() =>
        Gen.Select(FleetGen.Fleet, Gen.Int.Array[1, 3], Gen.Int[0, 3]).Sample((fleet, picks, how) =>
        {
            foreach (var pick in picks)
                Damage.Apply(fleet, pick, how);

            var errors = FleetSpecValidator.Validate(fleet);

            if (errors.Count == 0)
                AssertCompiles(fleet);
        }, iter: 1000);

    [Fact]
    public void The_reader_rejects_damaged_text_only_with_a_FleetSpecException() =>
        Gen.Select(FleetGen.Fleet, Gen.Int[0, int.MaxValue], Gen.Char['\0', '~'], Gen.Bool).Sample((fleet, position, character, insert) =>
        {
            var written = JsonSerializer.Serialize(fleet, FleetSpecReader.Options);
            var at = position % written.Length;
            var damaged = insert ? written.Insert(at, character.ToString()) : written.Remove(at, 1);

            var exception = Record.Exception(() => FleetSpecReader.Read(damaged, "damaged.json"));

            Assert.True(exception is null or FleetSpecException, exception?.ToString());
        }, iter: 1000);

    private static void AssertCompiles(FleetSpec fleet)
    {
        var directory = FleetDirectory.FromSpec(fleet);
        Assert.Equal(fleet.Servers.Count, directory.ServerCount);
        foreach (var server in fleet.Servers)
        {
            var policy = ServerPolicy.Compile(server);
            Assert.True(directory.TryGetNewestGateway(policy.Region, out _), $"region {policy.Region} has no Current gateway");
            foreach (var subnetId in policy.VirtualNetworkRulesBySubnet.Keys)
                Assert.True(directory.TryGetSubnet(subnetId, out _), $"subnet {subnetId} is not in the directory");
        }
    }
}
