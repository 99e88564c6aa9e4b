namespace EdgeCredit.Scenes;

/// <summary>Flicker parameters and lighting events of a clip.</summary>
internal sealed record LightingTruth(double FlickerAmplitude, double FlickerBeatHz, IReadOnlyList<LightingEvent> Events);
