using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Pulse;

internal static partial class PulseLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Pulse meter {Meter}: {Driver} chip {Chip} line {Pin}, {PulsesPerKwh} pulses/kWh, min pulse width {MinPulseWidth}, register {RegisterKwh} kWh ({Pulses} pulses stored in {Path}, {State})")]
    public static partial void Started(ILogger logger, string meter, GpioDriverKind driver, int chip, int pin, double pulsesPerKwh, TimeSpan minPulseWidth, double registerKwh, long pulses, string path, CounterFileState state);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Error, Message = "Pulse meter {Meter} stopped: {Key} = '{Pin}' is not a line of GPIO chip {Chip} ({Reason}). Set {Key} to the chip's line offset of the input (see `gpioinfo`), not the header pin number; until then this meter's readings are absent (gap)")]
    public static partial void UnknownPin(ILogger logger, string meter, string key, int pin, int chip, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Error, Message = "Pulse meter {Meter} stopped: cannot open GPIO chip {Chip} with driver {Driver} ({Key}): {Reason}. Check that /dev/gpiochip{Chip} exists and the agent may read it (group gpio), or set {Key}; until then this meter's readings are absent (gap)")]
    public static partial void DriverFailed(ILogger logger, string meter, int chip, GpioDriverKind driver, string key, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Warning, Message = "Pulse meter {Meter}: counter file {Path}: one slot was torn or corrupted; continuing from the other slot ({Pulses} pulses)")]
    public static partial void FellBack(ILogger logger, string meter, string path, long pulses);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Error, Message = "Pulse meter {Meter}: counter file {Path} had no valid slot; moved it to {MovedTo} and counting starts again at 0 (the register restarts at InitialKwh)")]
    public static partial void Corrupted(ILogger logger, string meter, string path, string? movedTo);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Error, Message = "Pulse meter {Meter}: writing the counter file failed; the count goes on in memory and is written again with the next pulse")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string meter);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information, Message = "Pulse meter {Meter} stopped: {Pulses} pulses counted in this run, {Edges} edges, {Rejected} levels shorter than the minimum pulse width; {Stored} pulses stored")]
    public static partial void Stopped(ILogger logger, string meter, long pulses, long edges, long rejected, long stored);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Information, Message = "Pulse meter {Meter}: simulated pulse generator, ledger {Ledger} (continues from {PreviousTotal})")]
    public static partial void Generator(ILogger logger, string meter, string? ledger, long previousTotal);
}
