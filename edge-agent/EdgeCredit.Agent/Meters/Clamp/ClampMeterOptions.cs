using Iot.Device.Ads1115;

namespace EdgeCredit.Agent.Meters.Clamp;

/// <summary>One current clamp on one ADS1115 input. Item of <c>Clamp:Meters</c>.</summary>
internal sealed class ClampMeterOptions
{
    /// <summary>Source name in signals (unique across all meters).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>I2C bus number (<c>/dev/i2c-N</c>), 0..255; 1 on a Raspberry Pi.</summary>
    public int Bus { get; set; } = 1;

    /// <summary>I2C address of the ADS1115: 0x48 (ADDR to GND) .. 0x4B. Accepts decimal (72) in configuration.</summary>
    public int Address { get; set; } = 0x48;

    /// <summary>Input multiplexer: AIN0_AIN1 (differential, the usual clamp wiring) or a single-ended AINn.</summary>
    public InputMultiplexer Channel { get; set; } = InputMultiplexer.AIN0_AIN1;

    /// <summary>PGA full scale; pick the smallest that holds the clamp's peak voltage (SCT-013 1 V RMS → 1.41 V peak → FS2048).</summary>
    public MeasuringRange MeasuringRange { get; set; } = MeasuringRange.FS2048;

    /// <summary>Conversion rate of the ADC.</summary>
    public DataRate DataRate { get; set; } = DataRate.SPS860;

    /// <summary>Samples read per second (1..860); 0 means the data rate.</summary>
    public double SampleRate { get; set; }

    /// <summary>Clamp ratio: amperes per volt of clamp output (SCT-013-030: 30 A per 1 V).</summary>
    public double AmpsPerVolt { get; set; } = 30;

    /// <summary>Line-to-neutral voltage, V (1..1000).</summary>
    public double Voltage { get; set; } = 230;

    /// <summary>1, or 3 for a balanced three-phase load measured on one phase: kW = 3 × V(L-N) × I × PF / 1000.</summary>
    public int Phases { get; set; } = 1;

    /// <summary>Assumed power factor (0 exclusive .. 1).</summary>
    public double PowerFactor { get; set; } = 0.9;

    /// <summary>Highest plausible RMS current; above it a second reads OutOfRange (0.1..100000 A).</summary>
    public double MaxAmps { get; set; } = 100;

    /// <summary>Without a completed second for this long, readings are Stale (1 s .. 10 min).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(5);

    public ClampDriverKind Driver { get; set; } = ClampDriverKind.Hardware;

    /// <summary>The waveform of a simulated clamp.</summary>
    public ClampSimulationOptions Simulation { get; set; } = new();
}
