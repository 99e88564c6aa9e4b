namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>One completed second of samples: RMS current (DC removed), how many samples, and whether any saturated the ADC.</summary>
internal readonly record struct ClampSecond(long UnixSecond, double RmsAmps, int Samples, bool Saturated);
