using System.Text.Json;

namespace FleetSim.Web.Api;

/// <summary>The API's JSON: camelCase like every FleetSim file, with markup characters escaped as the default encoder does.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
