namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Persistence of one condition: it starts once its evidence has held for <c>confirmFor</c> (interruptions shorter
/// than <c>gap</c> forgiven; zero: every frame must show it), backdated to the first evidence, and ends after
/// <c>clearFor</c> without evidence (zero: at the first frame without), at the first frame that lacked it.
/// Allocates only when a condition starts or ends, or when <see cref="Active"/> is read.
/// </summary>
internal sealed class ConditionTracker(string camera, CameraCondition condition, TimeSpan confirmFor, TimeSpan clearFor, TimeSpan gap)
{
    private DateTimeOffset? _evidenceSince;
    private DateTimeOffset _lastEvidence;
    private DateTimeOffset? _quietSince;
    private DateTimeOffset _since;
    private double _confidenceSum;
    private int _samples;

    public CameraCondition Condition => condition;

    public bool IsActive { get; private set; }

    /// <summary>The condition while it lasts.</summary>
    public CameraConditionRecord? Active => IsActive ? Record(null) : null;

    /// <summary>
    /// The frame shows (evidence &gt; 0, the confidence) or does not show the condition. Returns a start or an end, else
    /// null. <paramref name="began"/>: when the condition began, where the evidence tells it and it is before the first
    /// evidence (every frame of a loop's repeat is a copy, but the smoothed evidence settles seconds later): the start is
    /// backdated to it, and the persistence is counted from it.
    /// </summary>
    public CameraConditionRecord? Update(DateTimeOffset at, double evidence, DateTimeOffset? began = null)
    {
        if (evidence > 0)
        {
            var interrupted = _quietSince is not null && at - _lastEvidence > gap;
            _quietSince = null;
            if (_evidenceSince is null || (!IsActive && interrupted))
            {
                _evidenceSince = at;
                _confidenceSum = 0;
                _samples = 0;
            }

            _lastEvidence = at;
            _confidenceSum += evidence;
            _samples++;
            // Evidence that tells when the condition began (each frame since was a copy) has held since then.
            var since = began < _evidenceSince.Value ? began.Value : _evidenceSince.Value;
            if (!IsActive && at - since >= confirmFor)
            {
                IsActive = true;
                _since = since;
                return Record(null);
            }

            return null;
        }

        _quietSince ??= at;
        if (!IsActive)
        {
            if (_evidenceSince is not null && at - _lastEvidence > gap)
            {
                _evidenceSince = null;
            }

            return null;
        }

        if (at - _lastEvidence >= clearFor)
        {
            var ended = Record(_quietSince);
            IsActive = false;
            _evidenceSince = null;
            return ended;
        }

        return null;
    }

    /// <summary>Starts or ends the condition on an outside signal (the link state), confidence 1.</summary>
    public CameraConditionRecord? Set(DateTimeOffset at, bool on)
    {
        if (on && !IsActive)
        {
            IsActive = true;
            _since = at;
            _confidenceSum = 1;
            _samples = 1;
            return Record(null);
        }

        if (!on && IsActive)
        {
            IsActive = false;
            return Record(at);
        }

        return null;
    }

    private CameraConditionRecord Record(DateTimeOffset? until) =>
        new(camera, condition, _samples == 0 ? 1 : Math.Round(_confidenceSum / _samples, 3), _since, until);
}
