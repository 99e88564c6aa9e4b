namespace EdgeCredit.Scenes;

/// <param name="Kind">drift (sinusoid over the whole clip) or step (lights switched: brightness becomes Level times the drift).</param>
internal sealed record LightingEvent(string Kind, double Time, double? Level = null, double? Amplitude = null, double? PeriodSeconds = null);
