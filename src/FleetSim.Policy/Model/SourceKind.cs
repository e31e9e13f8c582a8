namespace FleetSim.Policy.Model;

/// <summary>How a client reaches the gateway, which sets its round-trip time.</summary>
public enum SourceKind { Internet, Azure, Subnet, PrivateEndpoint }

public static class SourceKinds
{
    public const string Names = "internet|azure|subnet|privateEndpoint";

    public static bool TryParse(string? text, out SourceKind kind)
    {
        (var known, kind) = text switch
        {
            "internet" => (true, SourceKind.Internet),
            "azure" => (true, SourceKind.Azure),
            "subnet" => (true, SourceKind.Subnet),
            "privateEndpoint" => (true, SourceKind.PrivateEndpoint),
            _ => (false, SourceKind.Internet),
        };
        return known;
    }

    /// <summary>A client's source as attempts and scenarios give it: a private endpoint, a subnet, an Azure address or the internet.</summary>
    public static SourceKind Of(bool azure, string? subnet, string? privateEndpoint) =>
        privateEndpoint is not null ? SourceKind.PrivateEndpoint
        : subnet is not null ? SourceKind.Subnet
        : azure ? SourceKind.Azure
        : SourceKind.Internet;
}
