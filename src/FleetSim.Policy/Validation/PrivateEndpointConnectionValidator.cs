using FleetSim.Policy.Spec;

namespace FleetSim.Policy.Validation;

/// <summary>A server's private endpoint connections: only an Approved one lets traffic through.</summary>
internal static class PrivateEndpointConnectionValidator
{
    public static void Validate(IReadOnlyList<PrivateEndpointConnectionSpec?>? connections, SpecPath path, ValidationErrors errors)
    {
        var names = new Dictionary<string, SpecPath>(ResourceNames.Comparer);
        foreach (var (connection, at) in errors.Each(connections, path))
        {
            if (errors.Required(connection.Name, at.Property("name")))
                errors.Unique(connection.Name, at.Property("name"), names);
            errors.OneOf<PrivateEndpointStatus>(connection.Status, at.Property("status"), out _);
        }
    }
}
