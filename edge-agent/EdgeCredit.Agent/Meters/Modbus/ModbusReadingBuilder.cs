using EdgeCredit.Protocol;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// Turns the scaled values of one poll into a <see cref="MeterReading"/>: Power gives kW, Energy the register in kWh,
/// Current the mean of the current points; any value that is not finite or outside its Min/Max makes the whole reading
/// out of range (0 kW, no register, no current: a bad register is never taken as a value). Logs when values turn
/// implausible and when they are plausible again, and when the energy register goes backwards. One poll at a time.
/// </summary>
internal sealed class ModbusReadingBuilder
{
    private readonly ModbusMeterSetup _setup;
    private readonly ILogger _logger;
    private double? _lastKwh;
    private bool _implausible;

    public ModbusReadingBuilder(ModbusMeterSetup setup, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _setup = setup;
        _logger = logger;
    }

    public MeterReading Build(ReadOnlySpan<double> values)
    {
        var points = _setup.Model;
        double kw = 0;
        double? kwh = null;
        double amps = 0;
        var currents = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var v = values[i];
            if (!double.IsFinite(v) || v < (p.Min ?? double.NegativeInfinity) || v > (p.Max ?? double.PositiveInfinity))
            {
                if (!_implausible)
                {
                    _implausible = true;
                    ModbusLog.OutOfRange(_logger, _setup.Meter.Name, p.Quantity, p.Function, p.Address, v, p.Min ?? double.NegativeInfinity, p.Max ?? double.PositiveInfinity, _setup.Meter.Model);
                }

                return new MeterReading(0, MachineState.Unknown, SignalQuality.OutOfRange);
            }

            switch (p.Quantity)
            {
                case ModbusQuantity.Power:
                    kw = v;
                    break;
                case ModbusQuantity.Energy:
                    kwh = v;
                    break;
                case ModbusQuantity.Current:
                    amps += v;
                    currents++;
                    break;
            }
        }

        if (_implausible)
        {
            _implausible = false;
            ModbusLog.InRange(_logger, _setup.Meter.Name);
        }

        var quality = SignalQuality.Good;
        if (kwh is { } now)
        {
            if (_lastKwh is { } before && now < before - _setup.NegativeDeltaToleranceKwh)
            {
                quality = SignalQuality.NegativeDelta;
                ModbusLog.EnergyBackwards(_logger, _setup.Meter.Name, before, now);
            }

            _lastKwh = now;
        }

        return new MeterReading(kw, MachineState.Unknown, quality)
        {
            RegisterKwh = kwh,
            CurrentAmps = currents == 0 ? null : amps / currents,
        };
    }
}
