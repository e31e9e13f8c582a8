using FleetSim.Policy.Decisions;

namespace FleetSim.Policy.WhatIf;

/// <summary>How one attempt's decision moves from the current fleet to the proposed one.</summary>
public enum DecisionChange
{
    /// <summary>The same decision: same reason, same deciding rule.</summary>
    None,

    /// <summary>Allowed, then denied.</summary>
    Lost,

    /// <summary>Denied, then allowed.</summary>
    Gained,

    /// <summary>Denied for another reason, or allowed by another rule.</summary>
    Changed,
}

public static class DecisionChanges
{
    public static DecisionChange Compare(Verdict before, Verdict after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Allowed != after.Allowed)
            return before.Allowed ? DecisionChange.Lost : DecisionChange.Gained;
        var same = before.Reason == after.Reason && before.Code == after.Code
            && string.Equals(before.Rule, after.Rule, StringComparison.Ordinal);
        return same ? DecisionChange.None : DecisionChange.Changed;
    }

    /// <summary>The lower-case name the output uses: none, lost, gained, changed.</summary>
    public static string Name(this DecisionChange change) => change.ToString().ToLowerInvariant();
}
