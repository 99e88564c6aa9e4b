using EdgeCredit.Agent.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// Checks section <c>Modbus</c>: register maps (one Power point, at most one Energy point, no overlapping registers of
/// one function, sane scale and ranges) and meters (names, host, port, unit id, known model, poll interval, timeout
/// below the poll interval, stale time). Whether a host answers is not checked here: an unreachable meter is logged
/// and flagged at run time, it does not stop the agent.
/// </summary>
internal sealed class ModbusOptionsValidator : IValidateOptions<ModbusOptions>
{
    private const string Prefix = ModbusOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ModbusOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        problems.Range(Prefix + nameof(ModbusOptions.NegativeDeltaToleranceKwh), options.NegativeDeltaToleranceKwh, 0, 1000);
        foreach (var (model, points) in options.Models)
        {
            ValidateModel(problems, model, points ?? []);
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var slaves = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Meters.Count; i++)
        {
            var meter = options.Meters[i];
            var key = $"{Prefix}Meters:{i}:";
            if (problems.SourceName(key + nameof(ModbusMeterOptions.Name), meter.Name) && !names.TryAdd(meter.Name!, i))
            {
                problems.Add(key + nameof(ModbusMeterOptions.Name), meter.Name, $"already used by {Prefix}Meters:{names[meter.Name!]}; names must be unique");
            }

            if (string.IsNullOrWhiteSpace(meter.Host))
            {
                problems.Add(key + nameof(ModbusMeterOptions.Host), meter.Host, "must be the host name or IP address of the meter or its Modbus TCP gateway");
            }

            problems.Range(key + nameof(ModbusMeterOptions.Port), meter.Port, 1, 65535);
            problems.Range(key + nameof(ModbusMeterOptions.UnitId), meter.UnitId, 0, 247);
            if (!string.IsNullOrWhiteSpace(meter.Host) && !slaves.TryAdd($"{meter.Host}:{meter.Port}/{meter.UnitId}", i))
            {
                problems.Add(key + nameof(ModbusMeterOptions.UnitId), meter.UnitId, $"{meter.Endpoint} unit {meter.UnitId} is already read by {Prefix}Meters:{slaves[$"{meter.Host}:{meter.Port}/{meter.UnitId}"]}; each slave is one meter (give each its own unit id)");
            }

            if (string.IsNullOrEmpty(meter.Model) || !options.Models.ContainsKey(meter.Model))
            {
                var known = options.Models.Count == 0 ? "no models are defined under Modbus:Models (add the meter's register map there)" : "allowed " + string.Join(", ", options.Models.Keys.Order(StringComparer.Ordinal));
                problems.Add(key + nameof(ModbusMeterOptions.Model), meter.Model, $"not a model of {Prefix}Models: {known}");
            }

            problems.Range(key + nameof(ModbusMeterOptions.PollInterval), meter.PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
            if (meter.Timeout >= meter.PollInterval)
            {
                problems.Add(key + nameof(ModbusMeterOptions.Timeout), meter.Timeout, $"must be less than {key}{nameof(ModbusMeterOptions.PollInterval)} ({OptionsProblems.Format(meter.PollInterval)}) so that a poll ends before the next one starts; lower the timeout or poll less often");
            }
            else
            {
                problems.Range(key + nameof(ModbusMeterOptions.Timeout), meter.Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(1));
            }

            if (meter.StaleAfter is { } stale)
            {
                problems.Range(key + nameof(ModbusMeterOptions.StaleAfter), stale, meter.PollInterval, TimeSpan.FromDays(1));
            }
        }

        return problems.ToResult();
    }

    private static void ValidateModel(OptionsProblems problems, string model, IList<ModbusPointOptions> points)
    {
        var key = $"{Prefix}Models:{model}";
        var power = points.Count(p => p.Quantity == ModbusQuantity.Power);
        if (power != 1)
        {
            problems.Add(key, $"{power} Power points", "a model needs exactly one point with Quantity Power (kW)");
        }

        if (points.Count(p => p.Quantity == ModbusQuantity.Energy) > 1)
        {
            problems.Add(key, "several Energy points", "a model has at most one point with Quantity Energy (kWh register)");
        }

        for (var j = 0; j < points.Count; j++)
        {
            var p = points[j];
            var pointKey = $"{key}:{j}:";
            if (!Enum.IsDefined(p.Quantity))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Quantity), p.Quantity, "allowed Power (kW), Energy (kWh), Current (A), Voltage (V)");
            }

            if (!Enum.IsDefined(p.Function))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Function), p.Function, "allowed Holding (function 3) or Input (function 4)");
            }

            if (!Enum.IsDefined(p.Type))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Type), p.Type, "allowed Float32, Int32, UInt32, Int16, UInt16");
            }

            if (!Enum.IsDefined(p.WordOrder))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.WordOrder), p.WordOrder, "allowed HighFirst or LowFirst");
            }

            problems.Range(pointKey + nameof(ModbusPointOptions.Address), p.Address, 0, 65536 - p.Registers);
            if (!double.IsFinite(p.Scale) || p.Scale == 0 || Math.Abs(p.Scale) > 1e9)
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Scale), p.Scale, "must be a non-zero multiplier up to 1e9 in size (0.001 turns W into kW, 1 keeps the value)");
            }

            if (p.Min is { } min && !double.IsFinite(min))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Min), min, "must be a finite number or left out");
            }

            if (p.Max is { } max && !double.IsFinite(max))
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Max), max, "must be a finite number or left out");
            }
            else if (p.Min is { } low && p.Max is { } high && high < low)
            {
                problems.Add(pointKey + nameof(ModbusPointOptions.Max), high, $"must not be below {pointKey}{nameof(ModbusPointOptions.Min)} ({OptionsProblems.Format(low)})");
            }
        }

        CheckOverlaps(problems, key, points);
    }

    private static void CheckOverlaps(OptionsProblems problems, string key, IList<ModbusPointOptions> points)
    {
        var order = Enumerable.Range(0, points.Count).OrderBy(j => points[j].Function).ThenBy(j => points[j].Address).ToArray();
        for (var k = 1; k < order.Length; k++)
        {
            var (a, b) = (points[order[k - 1]], points[order[k]]);
            if (a.Function == b.Function && b.Address < a.Address + a.Registers)
            {
                problems.Add($"{key}:{order[k]}:{nameof(ModbusPointOptions.Address)}", b.Address,
                    $"{b.Function} registers {b.Address}..{b.Address + b.Registers - 1} overlap {key}:{order[k - 1]} ({a.Quantity} {a.Type} at {a.Address}..{a.Address + a.Registers - 1}); points of one function may not share registers: take the addresses (0-based) from the meter's data sheet");
            }
        }
    }
}
