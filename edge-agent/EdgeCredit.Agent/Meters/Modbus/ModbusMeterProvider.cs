using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// Builds the Modbus meters of section <c>Modbus</c> and owns them (and their sockets). Every meter has its own TCP
/// connection, also when several meters are slaves behind one gateway (same host:port): a dead or slow slave then
/// times out on its own connection and never delays, or drops the connection of, the other meters. The price is one
/// connection per meter on the gateway; most gateways accept 4 to 32, which is logged when meters share one.
/// </summary>
internal sealed class ModbusMeterProvider : IMeterProvider, IDisposable
{
    private readonly ModbusMeter[] _meters;

    public ModbusMeterProvider(IOptions<ModbusOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var value = options.Value;
        var logger = loggerFactory.CreateLogger<ModbusMeter>();
        _meters = new ModbusMeter[value.Meters.Count];
        for (var i = 0; i < value.Meters.Count; i++)
        {
            var m = value.Meters[i];
            var setup = new ModbusMeterSetup(m, $"{ModbusOptions.SectionName}:Meters:{i}", [.. value.Models[m.Model]], value.NegativeDeltaToleranceKwh);
            _meters[i] = new ModbusMeter(setup, timeProvider, logger);
            ModbusLog.Configured(logger, m.Name, m.Endpoint, m.UnitId, m.Model, setup.Model.Count, _meters[i].Plan.Blocks.Count, m.PollInterval, m.Timeout, m.EffectiveStaleAfter);
        }

        foreach (var shared in value.Meters.GroupBy(m => m.Endpoint, StringComparer.OrdinalIgnoreCase).Select(g => g.ToArray()).Where(g => g.Length > 1))
        {
            var names = string.Join(", ", shared.Select(m => m.Name));
            ModbusLog.SharedEndpoint(logger, shared[0].Endpoint, shared.Length, names);
        }
    }

    public string SectionName => ModbusOptions.SectionName;

    public IReadOnlyList<IMeterSource> Meters => _meters;

    /// <summary>The meters with their Modbus-specific API (statistics).</summary>
    public IReadOnlyList<ModbusMeter> ModbusMeters => _meters;

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
