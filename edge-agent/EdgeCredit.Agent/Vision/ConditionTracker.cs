namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Persistence of one condition: it starts once its evidence has held for <c>confirmFor</c> (interruptions shorter
/// than <c>gap</c> forgiven; zero: every frame must show it), backdated to the first evidence, and ends after
/// <c>clearFor</c> without evidence (zero: at the first frame without), at the first frame that lacked it.
/// </summary>
internal sealed class ConditionTracker(string camera, CameraCondition condition, TimeSpan confirmFor, TimeSpan clearFor, TimeSpan gap)
{
    private DateTimeOffset? _evidenceSince;
    private DateTimeOffset _lastEvidence;
    private DateTimeOffset? _quietSince;
    private double _confidenceSum;
    private int _samples;

    public CameraCondition Condition => condition;

    /// <summary>The condition while it lasts.</summary>
    public CameraConditionRecord? Active { get; private set; }

    /// <summary>The frame shows (evidence &gt; 0, the confidence) or does not show the condition. Returns a start or an end, else null.</summary>
    public CameraConditionRecord? Update(DateTimeOffset at, double evidence)
    {
        if (evidence > 0)
        {
            var interrupted = _quietSince is not null && at - _lastEvidence > gap;
            _quietSince = null;
            if (_evidenceSince is null || (Active is null && interrupted))
            {
                _evidenceSince = at;
                _confidenceSum = 0;
                _samples = 0;
            }

            _lastEvidence = at;
            _confidenceSum += evidence;
            _samples++;
            var confidence = Math.Round(_confidenceSum / _samples, 3);
            if (Active is null && at - _evidenceSince.Value >= confirmFor)
            {
                Active = new CameraConditionRecord(camera, condition, confidence, _evidenceSince.Value, null);
                return Active;
            }

            if (Active is not null)
            {
                Active = Active with { Confidence = confidence };
            }

            return null;
        }

        _quietSince ??= at;
        if (Active is null)
        {
            if (_evidenceSince is not null && at - _lastEvidence > gap)
            {
                _evidenceSince = null;
            }

            return null;
        }

        if (at - _lastEvidence >= clearFor)
        {
            var ended = Active with { Until = _quietSince };
            Active = null;
            _evidenceSince = null;
            return ended;
        }

        return null;
    }

    /// <summary>Starts or ends the condition on an outside signal (the link state), confidence 1.</summary>
    public CameraConditionRecord? Set(DateTimeOffset at, bool on)
    {
        if (on && Active is null)
        {
            Active = new CameraConditionRecord(camera, condition, 1, at, null);
            return Active;
        }

        if (!on && Active is not null)
        {
            var ended = Active with { Until = at };
            Active = null;
            return ended;
        }

        return null;
    }
}
