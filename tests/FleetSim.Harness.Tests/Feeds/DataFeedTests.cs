namespace FleetSim.Harness.Tests.Feeds;

public sealed class DataFeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fleetsim-feed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<List<(int Copy, string Item)>> DrawAsync(DataFeed<string> feed, int copies, int iterations)
    {
        var drawn = new List<(int, string)>();
        var scenario = Scenario.Create("feed", context =>
            {
                lock (drawn)
                    drawn.Add((context.CopyNumber, feed.Next(context)));
                return ValueTask.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies, iterations));
        await LoadRunner.Create().RegisterScenarios(scenario).WithConsole(ConsoleMode.Off).RunAsync(TestContext.Current.CancellationToken);
        return drawn;
    }

    [Fact]
    public async Task A_circular_feed_hands_out_items_in_turn_across_copies()
    {
        var drawn = await DrawAsync(DataFeed.Circular(["a", "b", "c"]), copies: 3, iterations: 30);

        Assert.Equal(30, drawn.Count);
        Assert.All(new[] { "a", "b", "c" }, item => Assert.Equal(10, drawn.Count(d => d.Item == item)));
    }

    [Fact]
    public async Task A_constant_feed_gives_each_copy_its_own_item()
    {
        var drawn = await DrawAsync(DataFeed.Constant(["a", "b"]), copies: 2, iterations: 20);

        Assert.All(drawn, d => Assert.Equal(d.Copy == 0 ? "a" : "b", d.Item));
    }

    [Fact]
    public async Task A_random_feed_draws_every_item_in_time()
    {
        var drawn = await DrawAsync(DataFeed.Random(["a", "b", "c"]), copies: 1, iterations: 300);

        Assert.Equal(["a", "b", "c"], drawn.Select(d => d.Item).Distinct().Order());
    }

    [Fact]
    public void Items_load_from_csv_with_a_header_and_quoting()
    {
        var path = Path.Combine(_folder, "accounts.csv");
        File.WriteAllText(path, "login,password\r\nalice,\"p,ss\"\"1\"\nbob,secret\n");

        var items = FeedData.FromCsv(path);

        Assert.Equal(2, items.Count);
        Assert.Equal("p,ss\"1", items[0]["password"]);
        Assert.Equal("bob", items[1]["login"]);
    }

    [Fact]
    public void Items_load_from_a_json_array()
    {
        var path = Path.Combine(_folder, "servers.json");
        File.WriteAllText(path, """[{"name":"srv-1","port":3306},{"name":"srv-2","port":3307}]""");

        var items = FeedData.FromJson<Server>(path);

        Assert.Equal([new Server("srv-1", 3306), new Server("srv-2", 3307)], items);
    }

    [Fact]
    public void A_csv_row_with_the_wrong_field_count_names_the_row()
    {
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(path, "a,b\n1,2\n3\n");

        var error = Assert.Throws<InvalidDataException>(() => FeedData.FromCsv(path));

        Assert.Contains("row 3 has 1 fields", error.Message, StringComparison.Ordinal);
    }

    private sealed record Server(string Name, int Port);
}
