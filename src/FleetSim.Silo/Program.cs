using FleetSim.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

// Orleans binds its own "Orleans" section (cluster and service ids, endpoints, clustering); the
// "FleetSim" section says where FleetSim keeps what it writes. FLEETSIM_SILO_CONFIG names another
// file; environment variables override (Orleans__ClusterId, FleetSim__AuditStore).
var builder = Host.CreateApplicationBuilder(args);
var file = Environment.GetEnvironmentVariable("FLEETSIM_SILO_CONFIG")
    ?? (File.Exists("silo.json") ? "silo.json" : Path.Combine(AppContext.BaseDirectory, "silo.json"));
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddJsonFile(Path.GetFullPath(file), optional: false)
    .AddEnvironmentVariables()
    .AddCommandLine(args);
// Relative paths are relative to the working directory, as `fleetsim --cluster silo.json` reads them.
var section = builder.Configuration.GetSection("FleetSim");
builder.UseOrleans(silo => silo.AddFleetSim(o =>
{
    o.AuditStorePath = Path.GetFullPath(section["AuditStore"] ?? Path.Combine("data", "audit.db"));
    o.StateStorePath = Path.GetFullPath(section["StateStore"] ?? Path.Combine("data", "state.db"));
    o.KeyFilePath = Path.GetFullPath(section["KeyFile"] ?? Path.Combine("data", "service-keys.json"));
}));
await builder.Build().RunAsync();
