using FleetSim.Contracts;
using FleetSim.Grains.Fleet;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;

namespace FleetSim.Grains.Tests;

/// <summary>
/// Every type a grain call or a grain's state carries has an Orleans codec and copier, checked here
/// rather than by the first call that needs one. FleetSim.Policy's records get theirs from the
/// surrogates in FleetSim.Contracts/Serialization; a new Policy type in a message or a state fails
/// here, with the path it is reached by, until it has one.
/// </summary>
public sealed class SerializationCoverageTests
{
    private static readonly ICodecProvider Codecs = new ServiceCollection()
        .AddSerializer(s => s.AddFleetSimSerialization())
        .BuildServiceProvider()
        .GetRequiredService<ICodecProvider>();

    [Fact]
    public void Every_type_of_a_grain_call_or_a_grain_state_has_an_orleans_codec_and_copier()
    {
        var types = typeof(SerializationSetup).Assembly.GetTypes().Concat(typeof(FleetDirectoryState).Assembly.GetTypes());
        var reached = GrainBoundary.Reach(GrainBoundary.Roots(types));

        Assert.Contains(typeof(Policy.Spec.FirewallRuleSpec), reached.Keys);
        Assert.Contains(typeof(Policy.Threats.SuppressionState), reached.Keys);
        var unserved = Unserved(reached);
        if (unserved.Count > 0)
            Assert.Fail($"No Orleans codec or copier (add a surrogate in FleetSim.Contracts/Serialization) for:{Environment.NewLine}{string.Join(Environment.NewLine, unserved)}");
    }

    [Fact]
    public void A_type_without_a_codec_deep_inside_a_message_is_found_with_its_path()
    {
        var reached = GrainBoundary.Reach(GrainBoundary.Roots([typeof(IProbeGrain)]));

        var unserved = Assert.Single(Unserved(reached));
        Assert.StartsWith(nameof(UnservedPart), unserved, StringComparison.Ordinal);
        Assert.Contains("IProbeGrain.Take(message) -> ProbeMessage.Parts", unserved, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_surrogate_carries_every_member_of_its_type()
    {
        var converters = typeof(SerializationSetup).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsConstructedGenericType && i.GetGenericTypeDefinition() == typeof(IConverter<,>))
            .ToList();

        Assert.NotEmpty(converters);
        Assert.All(converters, converter =>
        {
            var (value, surrogate) = (converter.GenericTypeArguments[0], converter.GenericTypeArguments[1]);
            // An opaque value (PasswordHash: private bytes, built by a factory) has no members to
            // compare; the round trips in PolicySerializationTests hold its surrogate to it.
            if (!GrainBoundary.WrittenMembers(value).Any())
                return;
            Assert.Equal(Described(GrainBoundary.WrittenMembers(value)), Described(GrainBoundary.WrittenMembers(surrogate)));
        });
    }

    /// <summary>Each reached type Orleans could not serialize or copy, with the path that reaches it.</summary>
    private static List<string> Unserved(IReadOnlyDictionary<Type, string> reached) =>
    [
        .. reached
            .Where(t => !t.Key.IsInterface && !t.Key.IsAbstract)
            .Where(t => Codecs.TryGetCodec(t.Key) is null || Codecs.TryGetDeepCopier(t.Key) is null)
            .Select(t => $"{t.Key.Name} (reached by {t.Value})")
            .Order(StringComparer.Ordinal),
    ];

    private static List<string> Described(IEnumerable<(Type Type, string Name)> members) =>
        [.. members.Select(m => $"{m.Type} {m.Name}").Order(StringComparer.Ordinal)];
}

/// <summary>A grain interface for the check's own test: its message holds a type with no codec.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task Take(ProbeMessage message);
}

[GenerateSerializer, Immutable]
public sealed record ProbeMessage(IReadOnlyList<UnservedPart> Parts);

public sealed record UnservedPart(string Name);
