using Microsoft.AspNetCore.Http;

namespace FleetSim.Web;

/// <summary>The page's files, embedded in this assembly: served by FleetSim, nothing from elsewhere.</summary>
internal static class Assets
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    public static IResult Serve(string name)
    {
        var stream = typeof(Assets).Assembly.GetManifestResourceStream($"FleetSim.Web.Assets.{name}");
        return stream is null ? Results.NotFound() : Results.Stream(stream, Types[Path.GetExtension(name)]);
    }
}
