using System.Reflection;
using Orleans.Runtime;

namespace FleetSim.Grains.Tests;

/// <summary>
/// The types that cross FleetSim's grain boundaries or rest in its grain state: the parameters and
/// results of every grain interface method and every grain's persistent state, then, through
/// FleetSim's own types, every member a serializer writes, and every generic argument and array
/// element on the way.
/// </summary>
public static class GrainBoundary
{
    /// <summary>Where the search starts: grain interface methods and grains' persistent state, with where each was found.</summary>
    public static IEnumerable<(Type Type, string Path)> Roots(IEnumerable<Type> types)
    {
        foreach (var type in types)
        {
            if (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
            {
                foreach (var method in type.GetMethods())
                {
                    foreach (var parameter in method.GetParameters())
                        yield return (parameter.ParameterType, $"{type.Name}.{method.Name}({parameter.Name})");
                    if (Result(method.ReturnType) is { } result)
                        yield return (result, $"{type.Name}.{method.Name} result");
                }
            }
            else if (type is { IsClass: true, IsAbstract: false } && typeof(IGrain).IsAssignableFrom(type))
            {
                foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
                {
                    if (parameter.ParameterType is { IsConstructedGenericType: true } stateType
                        && stateType.GetGenericTypeDefinition() == typeof(IPersistentState<>))
                        yield return (stateType.GenericTypeArguments[0], $"{type.Name} state {parameter.Name}");
                }
            }
        }
    }

    /// <summary>Every type reached from the roots, with the path by which it was first reached.</summary>
    public static IReadOnlyDictionary<Type, string> Reach(IEnumerable<(Type Type, string Path)> roots)
    {
        var reached = new Dictionary<Type, string>();
        var pending = new Queue<(Type Type, string Path)>(roots);
        while (pending.TryDequeue(out var next))
        {
            var (type, path) = next;
            if (type.IsGenericParameter || !reached.TryAdd(type, path))
                continue;
            if (type.HasElementType)
                pending.Enqueue((type.GetElementType()!, $"{path} element"));
            foreach (var argument in type.GenericTypeArguments)
                pending.Enqueue((argument, $"{path} <{argument.Name}>"));
            if (type.Namespace?.StartsWith("FleetSim", StringComparison.Ordinal) == true)
            {
                foreach (var (memberType, name) in WrittenMembers(type))
                    pending.Enqueue((memberType, $"{path} -> {type.Name}.{name}"));
            }
        }
        return reached;
    }

    /// <summary>
    /// What a serializer of the type has to carry: settable properties (positional records' too),
    /// public fields, and whatever Orleans' [Id] marks. Computed properties are not state.
    /// </summary>
    public static IEnumerable<(Type Type, string Name)> WrittenMembers(Type type)
    {
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var property in declaring.GetProperties(all))
            {
                if (property.GetIndexParameters().Length == 0
                    && ((property.SetMethod?.IsPublic == true) || property.IsDefined(typeof(IdAttribute))))
                    yield return (property.PropertyType, property.Name);
            }
            foreach (var field in declaring.GetFields(all))
            {
                if (field.IsPublic || field.IsDefined(typeof(IdAttribute)))
                    yield return (field.FieldType, field.Name);
            }
        }
    }

    private static Type? Result(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
            return null;
        if (returnType.IsConstructedGenericType
            && (returnType.GetGenericTypeDefinition() == typeof(Task<>) || returnType.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return returnType.GenericTypeArguments[0];
        return returnType;
    }
}
