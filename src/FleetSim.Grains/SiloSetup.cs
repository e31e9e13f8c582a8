using FleetSim.Contracts;
using FleetSim.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace FleetSim.Grains;

public static class SiloSetup
{
    /// <summary>Everything a silo needs to host FleetSim's grains, whatever its clustering and storage.</summary>
    public static ISiloBuilder AddFleetSim(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(s => s.AddFleetSimSerialization());
        silo.Services.AddSingleton<DirectoryCache>();
        return silo;
    }
}
