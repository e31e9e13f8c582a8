using FleetSim.Grains.Audit;
using Microsoft.Extensions.Configuration;

namespace FleetSim.Grains.Tests;

/// <summary>One set of defaults and one reading of the FleetSim section, for a silo and for the CLI that looks for its files.</summary>
public sealed class SiloConfigurationTests
{
    private static IConfiguration Section(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"FleetSim:{s.Key}", (string?)s.Value))).Build();

    [Fact]
    public void Without_settings_a_silo_keeps_everything_under_data_in_its_working_directory()
    {
        var options = SiloConfiguration.Options(Section());

        var data = Path.GetFullPath("data");
        Assert.Equal(
            (Path.Combine(data, "audit.db"), Path.Combine(data, "state.db"), Path.Combine(data, "service-keys.json"), AuditDurability.Batched),
            (options.AuditStore, options.StateStore, options.KeyFile, options.AuditDurability));
    }

    [Fact]
    public void Redis_locations_and_memory_state_are_kept_as_written_and_durability_in_any_case()
    {
        var options = SiloConfiguration.Options(Section(
            ("AuditStore", "redis://127.0.0.1:6379,prefix=a:"), ("StateStore", "memory"), ("AuditDurability", "Acknowledged")));

        Assert.Equal(("redis://127.0.0.1:6379,prefix=a:", "memory", true, AuditDurability.Acknowledged),
            (options.AuditStore, options.StateStore, options.KeepsStateInMemory, options.AuditDurability));
    }

    [Theory]
    [InlineData("eventually")]
    [InlineData("1")]
    public void An_unknown_audit_durability_is_refused_naming_the_setting(string durability)
    {
        var error = Assert.Throws<SiloConfigurationException>(() => SiloConfiguration.Options(Section(("AuditDurability", durability))));

        Assert.Equal($"FleetSim:AuditDurability: '{durability}' is not batched or acknowledged", error.Message);
    }
}
