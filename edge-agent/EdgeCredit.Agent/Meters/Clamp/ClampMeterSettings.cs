namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>What a <see cref="ClampMeter"/> is built from: its options and their index in <c>Clamp:Meters</c> (for messages).</summary>
internal sealed record ClampMeterSettings(ClampMeterOptions Options, int Index)
{
    public string Key(string field) => $"{ClampOptions.SectionName}:Meters:{Index}:{field}";

    /// <summary>Samples per second actually requested: SampleRate, or the data rate when it is 0.</summary>
    public double EffectiveSampleRate => Options.SampleRate > 0 ? Options.SampleRate : DataRateHz(Options.DataRate);

    /// <summary>kW for an RMS current: phases × V(L-N) × I × PF / 1000.</summary>
    public double Kilowatts(double amps) => Options.Phases * Options.Voltage * amps * Options.PowerFactor / 1000;

    public static double DataRateHz(Iot.Device.Ads1115.DataRate rate) => rate switch
    {
        Iot.Device.Ads1115.DataRate.SPS008 => 8,
        Iot.Device.Ads1115.DataRate.SPS016 => 16,
        Iot.Device.Ads1115.DataRate.SPS032 => 32,
        Iot.Device.Ads1115.DataRate.SPS064 => 64,
        Iot.Device.Ads1115.DataRate.SPS128 => 128,
        Iot.Device.Ads1115.DataRate.SPS250 => 250,
        Iot.Device.Ads1115.DataRate.SPS475 => 475,
        _ => 860,
    };
}
