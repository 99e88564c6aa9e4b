using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Meters;

/// <summary>
/// A simulated power meter. The reading is a pure function of the machine's configuration, its seed and the
/// timestamp at second resolution, so a run can be replayed exactly. On a work day inside the shift the machine
/// runs in ten-minute duty cycles: a running phase (60..90 % of the cycle at 0.7..1.0 × rated power) followed by
/// an idle gap at idle power. Outside the shift, on days off, and with profile Stopped it is off (0 kW).
/// </summary>
internal sealed class SimulatedMachine : IMeterSource
{
    /// <summary>Length of one duty cycle, seconds (cycles are aligned to UTC).</summary>
    public const long CycleSeconds = 600;

    private readonly MachineOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DayOfWeek> _workDays;
    private readonly ulong _key;

    public SimulatedMachine(MachineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _workDays = [.. options.EffectiveWorkDays];
        _key = StableHash.Mix(StableHash.Of(options.Name) ^ StableHash.Mix(unchecked((ulong)options.Seed)));
    }

    public string Name => _options.Name;

    public ValueTask<MeterReading?> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        ValueTask.FromResult<MeterReading?>(ReadAt(at));

    /// <summary>The reading at a timestamp (truncated to the whole second).</summary>
    public MeterReading ReadAt(DateTimeOffset at)
    {
        if (_options.Profile == MachineProfile.Stopped || !IsInShift(at))
        {
            return new MeterReading(0, MachineState.Off, SignalQuality.Simulated);
        }

        var second = at.ToUnixTimeSeconds();
        var cycle = Math.DivRem(second, CycleSeconds, out var offset);
        if (offset < 0)
        {
            cycle--;
            offset += CycleSeconds;
        }

        var runShare = 0.6 + (0.3 * StableHash.Unit(_key, cycle, 1));
        var level = 0.7 + (0.3 * StableHash.Unit(_key, cycle, 2));
        var noise = ((2 * StableHash.Unit(_key, second, 3)) - 1) * _options.NoiseFraction;
        var running = offset < runShare * CycleSeconds;
        var kw = running ? _options.RatedKw * level * (1 + noise) : _options.IdleKw * (1 + noise);
        return new MeterReading(Math.Max(0, kw), running ? MachineState.Running : MachineState.Idle, SignalQuality.Simulated);
    }

    /// <summary>True when <paramref name="at"/> falls in a shift that started on a work day (local time).</summary>
    public bool IsInShift(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var start = _options.ShiftStart;
        var end = _options.ShiftEnd;
        var today = local.DayOfWeek;
        if (start < end)
        {
            return _workDays.Contains(today) && time >= start && time < end;
        }

        // The shift runs past midnight (or all day when start == end).
        var yesterday = (DayOfWeek)(((int)today + 6) % 7);
        return (_workDays.Contains(today) && time >= start) || (_workDays.Contains(yesterday) && time < end);
    }
}
