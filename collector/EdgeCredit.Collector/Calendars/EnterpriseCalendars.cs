using System.Collections.Frozen;
using EdgeCredit.Collector.Devices;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Calendars;

/// <summary>
/// The enterprises' calendars from <c>Registry:Enterprises</c>, built once at start (the options are validated
/// by <see cref="CalendarOptionsValidator"/> first). An enterprise that is not configured gets <see cref="EnterpriseCalendar.Default"/>.
/// </summary>
internal sealed class EnterpriseCalendars
{
    private static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    private readonly FrozenDictionary<string, EnterpriseSettings> _settings;

    public EnterpriseCalendars(IOptions<RegistryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value.Enterprises
            .Where(e => e.Id is not null)
            .Select(Build)
            .ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public EnterpriseSettings Get(string enterprise) =>
        _settings.TryGetValue(enterprise, out var settings) ? settings : new EnterpriseSettings(enterprise, EnterpriseCalendar.Default, null, null);

    public static EnterpriseSettings Build(EnterpriseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!CalendarParsing.TryFindZone(options.TimeZone, out var zone))
        {
            throw new InvalidOperationException($"Time zone '{options.TimeZone}' of enterprise {options.Id} is not known.");
        }

        var calendar = options.Calendar;
        var shifts = calendar.Shifts.Count == 0
            ? [new Shift(TimeOnly.Parse(CalendarOptions.DefaultShiftStart, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(CalendarOptions.DefaultShiftEnd, System.Globalization.CultureInfo.InvariantCulture))]
            : calendar.Shifts.Select(s => CalendarParsing.TryParseTime(s.Start, out var start) && CalendarParsing.TryParseTime(s.End, out var end)
                ? new Shift(start, end)
                : throw new InvalidOperationException($"Shift {s.Start}-{s.End} of enterprise {options.Id} is not valid.")).ToList();
        var holidays = new Dictionary<DateOnly, string>();
        var makeUp = new Dictionary<DateOnly, string>();
        if (!string.IsNullOrWhiteSpace(calendar.Holidays) && BuiltInHolidays.TryGet(calendar.Holidays, out var builtIn, out var builtInMakeUp))
        {
            foreach (var (date, name) in builtIn)
            {
                holidays[date] = name;
            }

            foreach (var (date, name) in builtInMakeUp)
            {
                makeUp[date] = name;
            }
        }

        foreach (var holiday in calendar.PublicHolidays)
        {
            if (CalendarParsing.TryParseDate(holiday.Date, out var date))
            {
                holidays[date] = holiday.Name ?? "Public holiday";
                makeUp.Remove(date);
            }
        }

        foreach (var day in calendar.MakeUpWorkdays)
        {
            if (CalendarParsing.TryParseDate(day.Date, out var date))
            {
                makeUp[date] = day.Name ?? "Make-up working day";
                holidays.Remove(date);
            }
        }

        var working = calendar.WorkingDays.Count == 0 ? MondayToFriday : calendar.WorkingDays.Distinct().ToArray();
        return new EnterpriseSettings(options.Id!, new EnterpriseCalendar(zone, shifts, working, holidays, makeUp), options.Industry, options.OperatingPowerKw, [.. options.Sources.Distinct(StringComparer.Ordinal)]);
    }
}
