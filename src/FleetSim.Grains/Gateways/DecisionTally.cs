using FleetSim.Contracts.Decisions;
using FleetSim.Policy.Decisions;

namespace FleetSim.Grains.Gateways;

/// <summary>
/// A silo's decisions since its last batch: every one counted by the stage that decided it, only
/// the first <see cref="DecisionHub.LinesPerBatch"/> kept as lines. Called from every gateway at
/// once while watched, so it takes a lock for a few additions.
/// </summary>
internal sealed class DecisionTally(string silo)
{
    private readonly Lock _gate = new();
    private List<GatewayDecision> _lines = [];
    private Dictionary<string, long> _byStage = new(StringComparer.Ordinal);
    private long _total;
    private long _allowed;

    public void Add(GatewayDecision decision)
    {
        var stage = DecidingStage.Of(decision.Verdict.Reason, decision.Verdict.Code);
        lock (_gate)
        {
            _total++;
            if (decision.Verdict.Allowed)
                _allowed++;
            _byStage[stage] = _byStage.GetValueOrDefault(stage) + 1;
            if (_lines.Count < DecisionHub.LinesPerBatch)
                _lines.Add(decision);
        }
    }

    /// <summary>What was counted since the previous take, or null when nothing was; counting starts again from zero.</summary>
    public DecisionBatch? Take()
    {
        lock (_gate)
        {
            if (_total == 0)
                return null;
            var batch = new DecisionBatch(silo, _lines, _total, _allowed, _byStage);
            (_lines, _byStage, _total, _allowed) = ([], new(StringComparer.Ordinal), 0, 0);
            return batch;
        }
    }
}
