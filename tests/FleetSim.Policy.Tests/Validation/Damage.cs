using System.Collections;
using System.Reflection;
using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Tests.Validation;

/// <summary>
/// Breaks one value anywhere in a fleet document (null, blank, junk, a null item), reaching every
/// property by reflection so that new spec fields are damaged too without changing this file.
/// </summary>
internal static class Damage
{
    public static void Apply(FleetSpec fleet, int pick, int how)
    {
        var slots = Slots(fleet).ToList();
        var (owner, property) = slots[(int)((uint)pick % (uint)slots.Count)];
        var value = property.GetValue(owner);
        object? damaged = property.PropertyType switch
        {
            var t when t == typeof(string) => (how % 4) switch { 0 => null, 1 => "", 2 => " ", _ => "junk" },
            var t when t == typeof(int) => how % 2 == 0 ? -1 : int.MaxValue,
            var t when t == typeof(bool) => !(bool)value!,
            _ when value is IList list && how % 2 == 0 => AddNull(list),
            _ when value is IDictionary dictionary && how % 2 == 0 => AddJunk(dictionary),
            _ => null,
        };
        property.SetValue(owner, damaged);
    }

    private static IEnumerable<(object Owner, PropertyInfo Property)> Slots(object owner)
    {
        foreach (var property in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0)
                continue;
            yield return (owner, property);
            var value = property.GetValue(owner);
            IEnumerable<object?> children = value is IEnumerable items and not string ? items.Cast<object?>() : [value];
            foreach (var child in children.Where(IsSpec))
            {
                foreach (var slot in Slots(child!))
                    yield return slot;
            }
        }
    }

    private static bool IsSpec(object? value) => value?.GetType().Namespace == typeof(FleetSpec).Namespace;

    private static IList AddNull(IList list)
    {
        list.Add(null);
        return list;
    }

    private static IDictionary AddJunk(IDictionary dictionary)
    {
        dictionary[ServerParameters.MaxConnections] = "junk";
        return dictionary;
    }
}
