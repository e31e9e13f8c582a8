using FleetSim.Client.Attempts;
using FleetSim.Policy.Spec;
using FleetSim.Policy.WhatIf;

namespace FleetSim.Cli.Commands;

/// <summary>`fleet apply --what-if`: the running fleet against a document, printed, nothing changed.</summary>
internal static class FleetWhatIf
{
    public static async Task<int> PrintAsync(FleetSpec running, FleetSpec proposed, string? traffic, CancellationToken cancellationToken)
    {
        var diff = FleetDiff.Of(running, proposed);
        foreach (var created in diff.Created)
            Console.Out.WriteLine($"+ create   {created}");
        foreach (var changed in diff.Changed)
        {
            Console.Out.WriteLine($"~ change   {changed.Server}");
            foreach (var change in changed.Changes)
                Console.Out.WriteLine($"    {change}");
        }
        foreach (var removed in diff.Removed)
            Console.Out.WriteLine($"- remove   {removed}");
        foreach (var setting in diff.FleetSettings)
            Console.Out.WriteLine($"~ fleet    {setting}");
        var unchanged = proposed.Servers.Count - diff.Created.Count - diff.Changed.Count;
        Console.Out.WriteLine($"what-if: {diff.Created.Count} to create, {diff.Changed.Count} to change, {diff.Removed.Count} to remove, {unchanged} unchanged; nothing was changed");
        if (traffic is null)
            return 0;

        var (replay, decisions) = await WhatIfCommand.ReplayAsync(traffic, running, new FleetComparison(running, proposed), null, null, cancellationToken);
        WhatIfCommand.Print(replay.Attempts, decisions, all: false);
        var counts = Enum.GetValues<DecisionChange>().Where(c => c != DecisionChange.None)
            .Select(c => $"{decisions.Count(d => d.Change == c)} {c.Name()}");
        Console.Error.WriteLine($"traffic: {decisions.Length} {(replay.Recorded ? "gateway log entries replayed" : "attempts")}: {string.Join(", ", counts)}");
        return 0;
    }
}
