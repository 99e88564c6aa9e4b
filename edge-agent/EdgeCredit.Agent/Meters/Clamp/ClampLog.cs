using Iot.Device.Ads1115;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Clamp;

internal static partial class ClampLog
{
    [LoggerMessage(EventId = 2301, Level = LogLevel.Information, Message = "Clamp meter {Meter}: {Driver} ADS1115 on I2C bus {Bus} address 0x{Address:X2}, {Channel}, {Range}, {DataRate}, {SampleRate} samples/s, {AmpsPerVolt} A/V, {Phases} phase(s) at {Voltage} V, PF {PowerFactor}")]
    public static partial void Started(ILogger logger, string meter, ClampDriverKind driver, int bus, int address, InputMultiplexer channel, MeasuringRange range, DataRate dataRate, double sampleRate, double ampsPerVolt, int phases, double voltage, double powerFactor);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Clamp meter {Meter} stopped: cannot open the ADS1115 at {BusKey} = '{Bus}', {AddressKey} = '0x{Address:X2}': {Reason}. Check /dev/i2c-{Bus} exists (enable I2C), the agent may use it (group i2c) and `i2cdetect -y {Bus}` shows the address; until then this meter's readings are absent (gap)")]
    public static partial void OpenFailed(ILogger logger, string meter, string busKey, int bus, string addressKey, int address, string reason);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Warning, Message = "Clamp meter {Meter}: reading the ADS1115 failed ({Failures} times in a row); retrying, readings turn stale after {StaleAfter}")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string meter, int failures, TimeSpan staleAfter);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Warning, Message = "Clamp meter {Meter}: out of range in second {UnixSecond}: {RmsAmps:0.###} A RMS, ADC saturated: {Saturated} (lower the gain with MeasuringRange or check AmpsPerVolt/MaxAmps)")]
    public static partial void OutOfRange(ILogger logger, string meter, long unixSecond, double rmsAmps, bool saturated);
}
