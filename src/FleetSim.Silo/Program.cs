using FleetSim.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Orleans binds its own "Orleans" section (cluster and service ids, endpoints, clustering);
// FLEETSIM_SILO_CONFIG names another file, and environment variables override (Orleans__ClusterId).
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddJsonFile(Environment.GetEnvironmentVariable("FLEETSIM_SILO_CONFIG") ?? Path.Combine(AppContext.BaseDirectory, "silo.json"), optional: false)
    .AddEnvironmentVariables()
    .AddCommandLine(args);
builder.UseOrleans(silo => silo.AddFleetSim());
await builder.Build().RunAsync();
