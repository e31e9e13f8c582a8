using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetSim.Wire.Hosting;

public static class WireHostingExtensions
{
    /// <summary>
    /// Opens the MariaDB protocol listeners of silo.json's FleetSim:Wire section, if it has one.
    /// Call after UseOrleans: hosted services start in order, and the listeners need a running silo.
    /// </summary>
    public static IServiceCollection AddFleetSimWire(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(WireSiloOptions.Section);
        if (!section.Exists())
            return services;
        services.AddOptions<WireSiloOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WireSiloOptions>, WireSiloOptionsValidation>();
        services.AddHostedService<WireService>();
        return services;
    }
}
