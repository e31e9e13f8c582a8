using FleetSim.Hosting.Processes;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using static FleetSim.Cli.Tests.Fleetsim;

namespace FleetSim.Cli.Tests;

/// <summary>
/// Docker does not run here, so docker-compose.yml is held to what the cluster tests run instead:
/// its silos get every setting the tests' silo processes get (RedisClusterSettings), pointing at its Redis,
/// and its load client finds them the way the tests' client does.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, object> Services = ReadServices();

    private static Dictionary<string, object> ReadServices()
    {
        using var reader = new StreamReader(Path.Combine(Repository, "docker-compose.yml"));
        // MergingParser resolves the "<<: *silo" merge keys, as Compose does.
        var document = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(new MergingParser(new Parser(reader)));
        return ((Dictionary<object, object>)document["services"]).ToDictionary(s => (string)s.Key, s => s.Value);
    }

    private static Dictionary<string, string> Environment(string service) =>
        ((Dictionary<object, object>)((Dictionary<object, object>)Services[service])["environment"])
            .ToDictionary(e => (string)e.Key, e => (string)e.Value);

    /// <summary>The compose file's Redis service, by its name on the compose network.</summary>
    private const string Redis = "redis:6379";

    [Theory]
    [InlineData("silo1")]
    [InlineData("silo2")]
    [InlineData("silo3")]
    public void Each_silo_gets_every_setting_the_test_cluster_gives_its_silos_pointing_at_the_compose_redis(string silo)
    {
        Assert.Contains("redis", Services.Keys);
        var environment = Environment(silo);
        var tested = new RedisClusterSettings(Redis, "fleetsim").ForSilos();
        Assert.Empty(tested.Keys.Except(environment.Keys));
        Assert.Equal("Redis", environment["Orleans__Clustering__ProviderType"]);
        Assert.Equal(Redis, environment["Orleans__Clustering__ConnectionString"]);
        Assert.Equal("redis://" + Redis, environment["FleetSim__StateStore"]);
        Assert.StartsWith("redis://" + Redis, environment["FleetSim__AuditStore"], StringComparison.Ordinal);
        Assert.NotNull(Grains.SiloConfiguration.ParseDurability(environment["FleetSim__AuditDurability"]));
        // One service key for all, from the user's environment: never baked into the file.
        Assert.StartsWith("${FLEETSIM_SERVICE_KEY:?", environment["FLEETSIM_SERVICE_KEY"], StringComparison.Ordinal);
        Assert.Equal("src/FleetSim.Silo/Dockerfile", Build(silo));
    }

    [Fact]
    public void The_load_client_finds_every_silo_through_redis_and_reads_the_same_audit_log()
    {
        var client = Environment("load");
        var silos = Environment("silo2");
        foreach (var key in new[] { "Orleans__ClusterId", "Orleans__ServiceId", "Orleans__Clustering__ProviderType", "Orleans__Clustering__ConnectionString", "FleetSim__AuditStore" })
            Assert.Equal(silos[key], client[key]);
        var command = ((List<object>)((Dictionary<object, object>)Services["load"])["command"]).Cast<string>().ToList();
        Assert.Equal(["run", "--cluster", "silo.json"], command.Take(3));
        Assert.Equal("src/FleetSim.Cli/Dockerfile", Build("load"));
        Assert.Contains("COPY --from=build /src/silo.json", File.ReadAllText(Path.Combine(Repository, "src", "FleetSim.Cli", "Dockerfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_keeps_what_it_holds_on_disk()
    {
        var command = ((List<object>)((Dictionary<object, object>)Services["redis"])["command"]).Cast<string>().ToList();
        Assert.Equal("yes", command[command.IndexOf("--appendonly") + 1]);
    }

    [Theory]
    [InlineData("silo1")]
    [InlineData("load")]
    public void No_image_carries_secrets_state_reports_or_build_output_from_the_build_context(string service)
    {
        var context = Path.GetFullPath(Path.Combine(Repository, Context(service)));
        var ignore = Path.Combine(context, ".dockerignore");
        Assert.True(File.Exists(ignore), $"{ignore}: the Dockerfiles copy the whole context");
        var rules = DockerIgnore.Read(ignore);

        // What a silo, a run or a build leaves in a working copy (silo.json's data/ folder among them).
        string[] leftOut =
        [
            "data/service-keys.json", "data/state.db", "data/audit.db-wal", "service-keys.json", "audit.db", "samples/audit.db",
            "reports/quickstart-20261130-0400/report.html", "reports/quickstart-20261130-0400/audit.db",
            "src/FleetSim.Silo/bin/Release/net10.0/FleetSim.Silo.dll", "src/FleetSim.Cli/obj/project.assets.json",
            "tests/FleetSim.Cli.Tests/bin/Debug/net10.0/fleetsim.dll", ".git/config",
        ];
        Assert.All(leftOut, path => Assert.True(rules.Excludes(path), path + " would be in the image"));

        // What the build needs.
        string[] kept =
        [
            "FleetSim.sln", "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "silo.json",
            "src/FleetSim.Silo/Program.cs", "src/FleetSim.Cli/FleetSim.Cli.csproj", "src/FleetSim.Silo/Dockerfile",
            "samples/fleet.json", "loadtests/scenarios/quickstart.json",
        ];
        Assert.All(kept, path => Assert.False(rules.Excludes(path), path + " is needed by the build"));
    }

    private static string Context(string service) =>
        (string)((Dictionary<object, object>)((Dictionary<object, object>)Services[service])["build"])["context"];

    private static string Build(string service)
    {
        var build = (Dictionary<object, object>)((Dictionary<object, object>)Services[service])["build"];
        var dockerfile = (string)build["dockerfile"];
        Assert.True(File.Exists(Path.Combine(Repository, dockerfile)), dockerfile);
        return dockerfile;
    }
}
