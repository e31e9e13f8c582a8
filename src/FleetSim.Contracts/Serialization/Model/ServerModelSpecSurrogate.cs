using FleetSim.Policy.Model;

namespace FleetSim.Contracts.Serialization.Model;

[GenerateSerializer]
internal record struct ServerModelSpecSurrogate(
    int WorkersPerVCore,
    ServiceTimeSpec? Login,
    ServiceTimeSpec? Statement);

[RegisterConverter]
internal sealed class ServerModelSpecConverter : IConverter<ServerModelSpec, ServerModelSpecSurrogate>
{
    public ServerModelSpecSurrogate ConvertToSurrogate(in ServerModelSpec value) =>
        new(value.WorkersPerVCore, value.Login, value.Statement);

    public ServerModelSpec ConvertFromSurrogate(in ServerModelSpecSurrogate surrogate) => new()
    {
        WorkersPerVCore = surrogate.WorkersPerVCore,
        Login = surrogate.Login,
        Statement = surrogate.Statement,
    };
}
