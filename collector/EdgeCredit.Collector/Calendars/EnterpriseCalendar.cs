using System.Collections.Concurrent;

namespace EdgeCredit.Collector.Calendars;

/// <summary>
/// An enterprise's time zone and work calendar: which UTC instants make up a local day, and what kind of day it is.
/// A shift's scheduled time counts on the local day it starts (a 22:00-06:00 shift belongs to the day of its 22:00).
/// </summary>
internal sealed class EnterpriseCalendar
{
    /// <summary>
    /// Local midnights in UTC per (zone, day number), shared by all calendars: converting with the zone's rules costs
    /// far more than a lookup, and an installation has few zones (entries: zones x days used, a few hundred KB a decade).
    /// </summary>
    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<int, long>> DayStartsByZone = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _dayStarts;
    private readonly IReadOnlyDictionary<DateOnly, string> _holidays;
    private readonly IReadOnlyDictionary<DateOnly, string> _makeUpWorkdays;
    private readonly bool[] _working = new bool[7];
    private readonly double _scheduledHours;

    public EnterpriseCalendar(TimeZoneInfo zone, IReadOnlyList<Shift> shifts, IEnumerable<DayOfWeek> workingDays, IReadOnlyDictionary<DateOnly, string> holidays, IReadOnlyDictionary<DateOnly, string> makeUpWorkdays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(shifts);
        ArgumentNullException.ThrowIfNull(workingDays);
        Zone = zone;
        _dayStarts = DayStartsByZone.GetOrAdd(zone.Id, static _ => new ConcurrentDictionary<int, long>());
        Shifts = shifts;
        _holidays = holidays;
        _makeUpWorkdays = makeUpWorkdays;
        foreach (var day in workingDays)
        {
            _working[(int)day] = true;
        }

        _scheduledHours = shifts.Sum(s => s.Length.TotalHours);
    }

    /// <summary>UTC, Monday to Friday, 08:00-17:00, no holidays: the calendar of an enterprise nobody configured.</summary>
    public static EnterpriseCalendar Default { get; } = new(
        TimeZoneInfo.Utc,
        [new Shift(new TimeOnly(8, 0), new TimeOnly(17, 0))],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        new Dictionary<DateOnly, string>(),
        new Dictionary<DateOnly, string>());

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<Shift> Shifts { get; }

    public DayType TypeOf(DateOnly date) => TypeOf(date, out _);

    /// <summary>The day type and the holiday's or make-up day's name (null on ordinary days), with one lookup per list.</summary>
    public DayType TypeOf(DateOnly date, out string? name)
    {
        if (_holidays.TryGetValue(date, out name))
        {
            return DayType.Holiday;
        }

        if (_makeUpWorkdays.TryGetValue(date, out name))
        {
            return DayType.MakeUpWorkday;
        }

        return _working[(int)date.DayOfWeek] ? DayType.Workday : DayType.Weekend;
    }

    /// <summary>Hours of shifts starting on a day of that type.</summary>
    public double ScheduledHours(DayType type) => type is DayType.Workday or DayType.MakeUpWorkday ? _scheduledHours : 0;

    /// <summary>The holiday's or make-up day's name, or null.</summary>
    public string? NameOf(DateOnly date) => _holidays.GetValueOrDefault(date) ?? _makeUpWorkdays.GetValueOrDefault(date);

    /// <summary>Hours of shifts starting on that local day: the shifts' total on a workday or make-up day, else 0.</summary>
    public double ScheduledHours(DateOnly date) => ScheduledHours(TypeOf(date));

    /// <summary>Start of the local day in UTC milliseconds (local midnight; the first valid instant if midnight is skipped by DST).</summary>
    public long DayStartMs(DateOnly date) => _dayStarts.TryGetValue(date.DayNumber, out var ms) ? ms : _dayStarts.GetOrAdd(date.DayNumber, ComputeDayStartMs(Zone, date));

    private static long ComputeDayStartMs(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero).ToUnixTimeMilliseconds();
    }

    /// <summary>The local date an instant (UTC milliseconds) falls on.</summary>
    public DateOnly LocalDate(long utcMs)
    {
        var utc = DateTimeOffset.FromUnixTimeMilliseconds(utcMs).UtcDateTime;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, Zone));
    }
}
