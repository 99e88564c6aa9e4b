using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Calendars;

/// <summary>Checks the calendar part of <c>Registry:Enterprises:N</c> (time zone, shifts, holidays, power threshold).</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<RegistryOptions>
{
    public const double MaxOperatingPowerKw = 100_000;

    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        for (var i = 0; i < options.Enterprises.Count; i++)
        {
            var enterprise = options.Enterprises[i];
            var key = $"{RegistryOptions.SectionName}:Enterprises:{i}";
            if (!CalendarParsing.TryFindZone(enterprise.TimeZone, out _))
            {
                problems.Add($"{key}:TimeZone", enterprise.TimeZone, "an IANA time zone id such as Asia/Shanghai, Asia/Seoul, Europe/Berlin or UTC (see /usr/share/zoneinfo)");
            }

            if (enterprise.OperatingPowerKw is { } kw && (!double.IsFinite(kw) || kw <= 0 || kw > MaxOperatingPowerKw))
            {
                problems.Add($"{key}:OperatingPowerKw", kw.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a power in kW above 0 and at most {MaxOperatingPowerKw}, or leave it unset");
            }

            if (enterprise.Industry is { Length: > 100 })
            {
                problems.Add($"{key}:Industry", enterprise.Industry[..40] + "…", "a label of at most 100 characters");
            }

            problems.Range($"{key}:Sources (count)", enterprise.Sources.Count, 0, 10_000);
            for (var s = 0; s < enterprise.Sources.Count; s++)
            {
                if (!ProtocolLimits.SourcePattern().IsMatch(enterprise.Sources[s] ?? string.Empty))
                {
                    problems.Add($"{key}:Sources:{s}", enterprise.Sources[s], "a source name as devices send it: ^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
                }
            }

            ValidateCalendar(problems, $"{key}:Calendar", enterprise.Calendar);
        }

        return problems.ToResult();
    }

    private static void ValidateCalendar(ConfigProblems problems, string key, CalendarOptions calendar)
    {
        problems.Range($"{key}:Shifts (count)", calendar.Shifts.Count, 0, 6);
        for (var i = 0; i < calendar.Shifts.Count; i++)
        {
            var shift = calendar.Shifts[i];
            var startOk = CalendarParsing.TryParseTime(shift.Start, out var start);
            var endOk = CalendarParsing.TryParseTime(shift.End, out var end);
            if (!startOk)
            {
                problems.Add($"{key}:Shifts:{i}:Start", shift.Start, "a local time HH:mm such as 08:00");
            }

            if (!endOk)
            {
                problems.Add($"{key}:Shifts:{i}:End", shift.End, "a local time HH:mm such as 17:00 (before the start for a shift that crosses midnight)");
            }
            else if (startOk && start == end)
            {
                problems.Add($"{key}:Shifts:{i}:End", shift.End, $"a time different from the shift's Start ({shift.Start}); for a 24-hour operation use two shifts such as 00:00-12:00 and 12:00-00:00");
            }
        }

        foreach (var day in calendar.WorkingDays)
        {
            if (!Enum.IsDefined(day))
            {
                problems.Add($"{key}:WorkingDays", day.ToString(), "weekday names Monday ... Sunday");
            }
        }

        if (!string.IsNullOrWhiteSpace(calendar.Holidays) && !BuiltInHolidays.TryGet(calendar.Holidays, out _, out _))
        {
            problems.Add($"{key}:Holidays", calendar.Holidays, $"one of the built-in sets ({string.Join(", ", BuiltInHolidays.Names)}) or empty; list other days under {key}:PublicHolidays");
        }

        ValidateDates(problems, $"{key}:PublicHolidays", calendar.PublicHolidays);
        ValidateDates(problems, $"{key}:MakeUpWorkdays", calendar.MakeUpWorkdays);
    }

    private static void ValidateDates(ConfigProblems problems, string key, IList<HolidayOptions> days)
    {
        problems.Range($"{key} (count)", days.Count, 0, 10_000);
        for (var i = 0; i < days.Count; i++)
        {
            if (!CalendarParsing.TryParseDate(days[i].Date, out _))
            {
                problems.Add($"{key}:{i}:Date", days[i].Date, "a local date yyyy-MM-dd such as 2026-02-17");
            }

            if (days[i].Name is { Length: > 100 })
            {
                problems.Add($"{key}:{i}:Name", days[i].Name![..40] + "…", "a name of at most 100 characters");
            }
        }
    }
}
