namespace EdgeCredit.Scenes;

/// <param name="Kind">dark, covered, defocused, frozen, looped or moved.</param>
/// <param name="Start">First second of the tamper; it lasts to the end of the clip.</param>
internal sealed record TamperTruth(string Kind, int Start, double TransitionSeconds, string Detail);
