using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Tests.Indicators;

public sealed class CalendarTests
{
    [Theory]
    [InlineData("2026-02-13", "Workday")]
    [InlineData("2026-02-14", "MakeUpWorkday")]
    [InlineData("2026-02-15", "Holiday")]
    [InlineData("2026-02-17", "Holiday")]
    [InlineData("2026-02-23", "Holiday")]
    [InlineData("2026-02-24", "Workday")]
    [InlineData("2026-02-28", "MakeUpWorkday")]
    [InlineData("2026-03-01", "Weekend")]
    [InlineData("2025-01-26", "MakeUpWorkday")]
    [InlineData("2025-01-29", "Holiday")]
    [InlineData("2025-02-08", "MakeUpWorkday")]
    [InlineData("2026-10-10", "MakeUpWorkday")]
    [InlineData("2026-10-07", "Holiday")]
    [InlineData("2027-02-06", "Holiday")]
    public void TypeOf_ChinaCalendar_SpringFestivalAndMakeUpDays(string date, string expected)
    {
        var calendar = Build(new EnterpriseOptions { Id = "ent", TimeZone = "Asia/Shanghai", Calendar = { Holidays = "cn" } }).Calendar;

        Assert.Equal(Enum.Parse<DayType>(expected), calendar.TypeOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ScheduledHours_NightShiftAndHoliday_CountsOnStartDayAndZeroOnHoliday()
    {
        var options = new EnterpriseOptions { Id = "ent", TimeZone = "Asia/Shanghai", Calendar = { Holidays = "cn" } };
        options.Calendar.Shifts.Add(new ShiftOptions { Start = "08:00", End = "16:00" });
        options.Calendar.Shifts.Add(new ShiftOptions { Start = "22:00", End = "06:00" });
        options.Calendar.PublicHolidays.Add(new HolidayOptions { Date = "2026-03-10", Name = "Plant anniversary" });
        var calendar = Build(options).Calendar;

        Assert.Equal(16, calendar.ScheduledHours(new DateOnly(2026, 3, 9)));
        Assert.Equal(0, calendar.ScheduledHours(new DateOnly(2026, 3, 10)));
        Assert.Equal("Plant anniversary", calendar.NameOf(new DateOnly(2026, 3, 10)));
        Assert.Equal(0, calendar.ScheduledHours(new DateOnly(2026, 2, 17)));
        Assert.Equal("Spring Festival", calendar.NameOf(new DateOnly(2026, 2, 17)));
        Assert.Equal(16, calendar.ScheduledHours(new DateOnly(2026, 2, 14)));
    }

    [Fact]
    public void TypeOf_KoreaCalendar2018_SeollalAndChuseok()
    {
        var calendar = Build(new EnterpriseOptions { Id = "steel", TimeZone = "Asia/Seoul", Calendar = { Holidays = "kr" } }).Calendar;

        Assert.Equal(DayType.Holiday, calendar.TypeOf(new DateOnly(2018, 2, 16)));
        Assert.Equal(DayType.Holiday, calendar.TypeOf(new DateOnly(2018, 9, 24)));
        Assert.Equal(DayType.Workday, calendar.TypeOf(new DateOnly(2018, 9, 27)));
        Assert.Equal(DayType.Weekend, calendar.TypeOf(new DateOnly(2018, 9, 29)));
    }

    [Fact]
    public void Validate_BadCalendar_NamesKeyValueAndFix()
    {
        var registry = new RegistryOptions();
        var options = new EnterpriseOptions { Id = "ent", TimeZone = "Mars/Olympus", OperatingPowerKw = -1, Calendar = { Holidays = "xx" } };
        options.Calendar.Shifts.Add(new ShiftOptions { Start = "08:00", End = "08:00" });
        options.Calendar.PublicHolidays.Add(new HolidayOptions { Date = "2026-02-30", Name = "No such day" });
        registry.Enterprises.Add(options);

        var failures = new CalendarOptionsValidator().Validate(null, registry).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("Registry:Enterprises:0:TimeZone = 'Mars/Olympus'", StringComparison.Ordinal) && f.Contains("Asia/Shanghai", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Registry:Enterprises:0:Calendar:Shifts:0:End = '08:00'", StringComparison.Ordinal) && f.Contains("different from the shift's Start", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Registry:Enterprises:0:Calendar:PublicHolidays:0:Date = '2026-02-30'", StringComparison.Ordinal) && f.Contains("yyyy-MM-dd", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Registry:Enterprises:0:Calendar:Holidays = 'xx'", StringComparison.Ordinal) && f.Contains("cn, kr", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Registry:Enterprises:0:OperatingPowerKw = '-1'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_UnknownTimeZone_StopsAtStartNamingTheKey()
    {
        var directory = Directory.CreateTempSubdirectory("collector-calendar-").FullName;
        try
        {
            var ex = Assert.ThrowsAny<Exception>(() => CollectorHost.Build([
                "--urls", "http://127.0.0.1:0", $"--Storage:Path={directory}/c.db", "--Broker:Port=0",
                "--Registry:Enterprises:0:Id=acme", "--Registry:Enterprises:0:TimeZone=Asia/Shangai",
                "--Registry:Enterprises:0:Calendar:Shifts:0:Start=07:00", "--Registry:Enterprises:0:Calendar:Shifts:0:End=7:00",
            ]));

            Assert.True(StartupErrors.TryDescribe(ex, out var lines));
            Assert.Contains(lines, l => l.Contains("Registry:Enterprises:0:TimeZone = 'Asia/Shangai'", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("Registry:Enterprises:0:Calendar:Shifts:0:End = '7:00'", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static EnterpriseSettings Build(EnterpriseOptions options)
    {
        var registry = new RegistryOptions();
        registry.Enterprises.Add(options);
        Assert.True(new CalendarOptionsValidator().Validate(null, registry).Succeeded);
        return new EnterpriseCalendars(Options.Create(registry)).Get(options.Id!);
    }
}
