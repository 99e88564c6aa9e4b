namespace EdgeCredit.Collector.Calendars;

/// <summary>An enterprise's work calendar: <c>Registry:Enterprises:N:Calendar</c>.</summary>
internal sealed class CalendarOptions
{
    /// <summary>Default shift when none is configured: 08:00 to 17:00.</summary>
    public const string DefaultShiftStart = "08:00";

    public const string DefaultShiftEnd = "17:00";

    /// <summary>Shifts on a working day; none configured means one shift 08:00 to 17:00.</summary>
    public IList<ShiftOptions> Shifts { get; } = new List<ShiftOptions>();

    /// <summary>Working weekdays (Monday ... Sunday); none configured means Monday to Friday.</summary>
    public IList<DayOfWeek> WorkingDays { get; } = new List<DayOfWeek>();

    /// <summary>Built-in public holiday set: <c>cn</c> (China 2018-2027, with make-up working days) or <c>kr</c> (Korea 2018); empty for none.</summary>
    public string? Holidays { get; set; }

    /// <summary>More public holidays (added to the built-in set).</summary>
    public IList<HolidayOptions> PublicHolidays { get; } = new List<HolidayOptions>();

    /// <summary>More make-up working days (a weekend day worked in exchange for a holiday bridge).</summary>
    public IList<HolidayOptions> MakeUpWorkdays { get; } = new List<HolidayOptions>();
}
