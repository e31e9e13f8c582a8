using FleetSim.AuditStore;
using FleetSim.Grains;
using FleetSim.Storage.Encryption;
using FleetSim.Web.Hosting;
using FleetSim.Wire.Hosting;
using FleetSim.Wire.Listening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

// Orleans binds its own "Orleans" section (cluster and service ids, endpoints, clustering); the
// "FleetSim" section says where FleetSim keeps what it writes and where the dashboard listens.
// FLEETSIM_SILO_CONFIG names another file; environment variables override (Orleans__ClusterId,
// FleetSim__AuditStore, FleetSim__Dashboard__Enabled).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
var file = Environment.GetEnvironmentVariable("FLEETSIM_SILO_CONFIG")
    ?? (File.Exists("silo.json") ? "silo.json" : Path.Combine(AppContext.BaseDirectory, "silo.json"));
builder.Configuration.Sources.Clear();
builder.Configuration
    .AddJsonFile(Path.GetFullPath(file), optional: false)
    .AddEnvironmentVariables()
    .AddCommandLine(args);

var section = builder.Configuration.GetSection("FleetSim");
var dashboard = section.GetValue("Dashboard:Enabled", true);
// Loopback unless the file says otherwise: the dashboard has no authentication of its own. Without
// it the web server still runs (it hosts nothing), on a free loopback port, so silos never collide.
var urls = dashboard ? section["Dashboard:Urls"] ?? "http://127.0.0.1:8080" : "http://127.0.0.1:0";
builder.WebHost.UseUrls(urls);
// Relative paths are relative to the working directory, as `fleetsim --cluster silo.json` reads them.
builder.UseOrleans(silo =>
{
    silo.AddFleetSim(builder.Configuration);
    if (dashboard)
        silo.AddDashboard();
});
// MariaDB protocol listeners when silo.json has a FleetSim:Wire section; after the silo, which they need.
builder.Services.AddFleetSimWire(builder.Configuration);

var app = builder.Build();
if (dashboard)
    app.MapOrleansDashboard("/dashboard");
app.MapFleetSimWeb(urls);
try
{
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException e)
{
    // A FleetSim setting FleetSim does not know: name it and the file, without a stack trace.
    Console.Error.WriteLine($"error: {file}: {e.Message}");
    return 2;
}
catch (WireEndpointListException e)
{
    foreach (var error in e.Errors)
        Console.Error.WriteLine($"error: {file}: {error}");
    return 2;
}
catch (WireEndpointException e)
{
    Console.Error.WriteLine($"error: {file}: {e.Message}");
    return 2;
}
catch (Exception e) when (StartFailure(e) is { } reason)
{
    // Where FleetSim keeps its data cannot be used: say which, without a stack trace.
    Console.Error.WriteLine($"error: {reason.Message}");
    return reason is AuditStoreUnreachableException ? 3 : 2;
}

static Exception? StartFailure(Exception? e)
{
    for (; e is not null; e = e.InnerException)
    {
        if (e is AuditStoreUnreachableException or AuditStoreLocationException or ServiceKeyUnavailableException)
            return e;
    }
    return null;
}
