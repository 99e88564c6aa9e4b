namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>The plausibility gate's answer for one parsed reading.</summary>
/// <param name="Rejection">Why it was refused, or <see cref="ReadingRejection.None"/>.</param>
/// <param name="Rebaselined">Accepted as a new baseline after a run of consistent refused readings (meter replaced or reset).</param>
internal readonly record struct PlausibilityVerdict(ReadingRejection Rejection, bool Rebaselined)
{
    public bool Accepted => Rejection == ReadingRejection.None;
}
