using FleetSim.Wire.Listening;
using Microsoft.Extensions.Options;

namespace FleetSim.Wire.Hosting;

/// <summary>Checks the listeners before the silo starts, so that a silo with an unusable one never joins its cluster.</summary>
internal sealed class WireSiloOptionsValidation : IValidateOptions<WireSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, WireSiloOptions options)
    {
        try
        {
            WireService.Endpoints(options);
            return ValidateOptionsResult.Success;
        }
        catch (WireEndpointListException e)
        {
            return ValidateOptionsResult.Fail(e.Errors);
        }
    }
}
