using Iot.Device.Ads1115;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// What a simulated current clamp puts on an ADS1115 input: a sine at <paramref name="FrequencyHz"/> whose RMS current
/// follows <paramref name="RmsAmpsAt"/>, converted to volts by the clamp ratio (v = i / AmpsPerVolt, as an SCT-013
/// with voltage output), plus <paramref name="OffsetVolts"/> of DC, on the input <paramref name="Channel"/>.
/// </summary>
internal sealed record ClampSignal(Func<DateTimeOffset, double> RmsAmpsAt, double AmpsPerVolt, double FrequencyHz, double OffsetVolts, InputMultiplexer Channel);
