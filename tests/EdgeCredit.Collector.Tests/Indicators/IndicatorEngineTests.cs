using EdgeCredit.Collector.Calendars;
using EdgeCredit.Protocol;
using static EdgeCredit.Collector.Tests.Indicators.IndicatorHarness;

namespace EdgeCredit.Collector.Tests.Indicators;

public sealed class IndicatorEngineTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan HourLength = TimeSpan.FromHours(1);

    [Fact]
    public async Task RecomputeDirty_LateBatchForOlderDay_MarksDirtyAndStoredIndicatorChanges()
    {
        var day1 = new DateTimeOffset(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(day1);
        await h.SendAsync([Signal(day1.AddHours(9), Minute, "meter", SignalKind.Energy, 1)]);
        await h.SendAsync([Signal(day1.AddDays(2).AddHours(9), Minute, "meter", SignalKind.Energy, 4)]);
        Assert.Equal(2, await h.Engine.RecomputeDirtyAsync(CancellationToken.None));
        Assert.Equal(0, h.Ingest.Scalar("SELECT count(*) FROM dirty_hours"));
        var before = await h.Store.ReadStoredAsync(TestBatches.Enterprise, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 10), CancellationToken.None);
        Assert.Equal(1, Assert.Single(before).EnergyKwh);

        // Backlog from the outbox: a batch for the first day arrives two days later.
        await h.SendAsync([Signal(day1.AddHours(10), Minute, "meter", SignalKind.Energy, 2)]);
        Assert.Equal(1, h.Ingest.Scalar("SELECT count(*) FROM dirty_hours"));
        await h.Engine.RecomputeDirtyAsync(CancellationToken.None);

        var after = await h.Store.ReadStoredAsync(TestBatches.Enterprise, new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), CancellationToken.None);
        Assert.Equal(3, after[0].EnergyKwh);
        Assert.Equal(4, after[^1].EnergyKwh);
        Assert.Equal(0, h.Ingest.Scalar("SELECT count(*) FROM dirty_hours"));
    }

    [Theory]
    [InlineData("Asia/Shanghai", 21)]
    [InlineData("UTC", 20)]
    public async Task Compute_SignalAt1700Utc_BelongsToTheLocalDayOfTheZone(string zone, int expectedDay)
    {
        var at = new DateTimeOffset(2026, 11, 20, 17, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(at, zone);
        await h.SendAsync([Signal(at, Minute, "meter", SignalKind.Energy, 1.5)]);

        var days = await h.Engine.ComputeAsync(TestBatches.Enterprise, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21), CancellationToken.None);

        Assert.Equal(1.5, days.Single(d => d.Date.Day == expectedDay).EnergyKwh);
        Assert.Null(days.Single(d => d.Date.Day != expectedDay).EnergyKwh);
    }

    [Theory]
    [InlineData(2026, 3, 29, 23)]
    [InlineData(2026, 10, 25, 25)]
    [InlineData(2026, 10, 26, 24)]
    public async Task Compute_BerlinDstChange_DayHasItsRealLengthAndFullCoverage(int year, int month, int day, int hours)
    {
        var date = new DateOnly(year, month, day);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var start = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), berlin), TimeSpan.Zero);
        await using var h = await StartAsync(start, "Europe/Berlin");
        await h.SendAsync([.. Enumerable.Range(0, hours).Select(i => Signal(start.AddHours(i), HourLength, "meter", SignalKind.Energy, 1))]);

        var result = await h.DayAsync(date);

        Assert.Equal(hours, result.DayHours, 9);
        Assert.Equal(hours, result.EnergyKwh);
        Assert.Equal(1, result.Coverage, 9);
        Assert.Equal(start, result.Start);
    }

    [Fact]
    public async Task Compute_SourceMissingForADay_CoverageBelowOneAndItsValueNull()
    {
        var day1 = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(day1);
        await h.SendAsync([
            .. Enumerable.Range(0, 24).Select(i => Signal(day1.AddHours(i), HourLength, "meter", SignalKind.Energy, 2)),
            .. Enumerable.Range(0, 24).Select(i => Signal(day1.AddHours(i), HourLength, "cam-1", SignalKind.ActivityIndex, 0.5)),
        ]);
        await h.SendAsync([.. Enumerable.Range(24, 24).Select(i => Signal(day1.AddHours(i), HourLength, "meter", SignalKind.Energy, 2))]);

        var first = await h.DayAsync(new DateOnly(2026, 11, 16));
        var second = await h.DayAsync(new DateOnly(2026, 11, 17));

        Assert.Equal(1, first.Coverage, 9);
        Assert.Equal(0.5, first.Activity);
        Assert.Equal(0.5, second.Coverage, 9);
        Assert.Equal(2, second.ExpectedSources);
        Assert.Equal(1, second.ReportingSources);
        Assert.Null(second.Activity);
        Assert.Equal(48, second.EnergyKwh);
        Assert.Null(second.OperatingHours);
        Assert.Null(second.Output);
    }

    [Fact]
    public async Task Compute_ConfiguredSourceThatNeverReported_CountsAgainstCoverage()
    {
        var day = new DateTimeOffset(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(day, configure: e => e.Sources.Add("cam-1"));
        await h.SendAsync([.. Enumerable.Range(0, 24).Select(i => Signal(day.AddHours(i), HourLength, "meter", SignalKind.Energy, 2))]);

        var result = await h.DayAsync(new DateOnly(2026, 11, 16));

        Assert.Equal(2, result.ExpectedSources);
        Assert.Equal(0.5, result.Coverage, 9);
        Assert.Null(result.Activity);
    }

    [Fact]
    public async Task RecomputeDirty_CameraConditionEvents_CountedOnTheirLocalDay()
    {
        var at = new DateTimeOffset(2026, 11, 20, 17, 30, 0, TimeSpan.Zero); // 01:30 on 21 November in Shanghai
        await using var h = await StartAsync(at, "Asia/Shanghai");
        await h.SendAsync(
            [Signal(at, Minute, "cam-1", SignalKind.CameraHealth, 0.5)],
            events:
            [
                new DeviceEvent { At = at.AddSeconds(20), Source = "cam-1", Type = EventType.ConditionStarted, Condition = EventCondition.Covered },
                new DeviceEvent { At = at.AddSeconds(50), Source = "cam-1", Type = EventType.ConditionEnded, Condition = EventCondition.Covered },
            ]);

        await h.Engine.RecomputeDirtyAsync(CancellationToken.None);
        var stored = Assert.Single(await h.Store.ReadStoredAsync(TestBatches.Enterprise, new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 21), CancellationToken.None));

        Assert.Equal(1, stored.CameraConditionsStarted["covered"]);
        Assert.Equal(0.5, stored.CameraHealthy);
    }

    [Fact]
    public async Task Compute_OutputZero_KwhPerUnitNullAndOutputZero()
    {
        var at = new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(at);
        await h.SendAsync([
            Signal(at, Minute, "press-1", SignalKind.Energy, 5),
            Signal(at, Minute, "press-1", SignalKind.OutputCount, 0),
            Signal(at, Minute, "press-1", SignalKind.RunningSeconds, 30),
            Signal(at.AddDays(1), Minute, "press-1", SignalKind.Energy, 6),
            Signal(at.AddDays(1), Minute, "press-1", SignalKind.OutputCount, 12),
        ]);

        var zero = await h.DayAsync(new DateOnly(2026, 11, 18));
        var twelve = await h.DayAsync(new DateOnly(2026, 11, 19));

        Assert.Equal(0, zero.Output);
        Assert.Null(zero.KwhPerUnit);
        Assert.Equal(30.0 / 3600, zero.OperatingHours!.Value, 9);
        Assert.Equal(30.0 / 3600 / 9, zero.Utilization!.Value, 9);
        Assert.Equal(0.5, twelve.KwhPerUnit);
        Assert.Null(twelve.OperatingHours);
    }

    [Fact]
    public async Task Compute_PowerOnlySourceWithThreshold_OperatingHoursFromPowerAboveThreshold()
    {
        var day = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(day, configure: e => e.OperatingPowerKw = 80);

        // Two levels: 10 kW off, 150 kW running; the 06:00 hour straddles (two of four quarters running).
        var quarters = Enumerable.Range(0, 96).Select(q => (Start: day.AddMinutes(15 * q), Kw: q is >= 26 and < 72 ? 150.0 : 10.0)).ToList();
        await h.SendAsync([.. quarters.Select(q => Signal(q.Start, TimeSpan.FromMinutes(15), "plant", SignalKind.PowerAvg, q.Kw))]);

        var result = await h.DayAsync(new DateOnly(2026, 11, 18));

        Assert.Equal(46 * 0.25, result.OperatingHours!.Value, 9);
        Assert.Equal("power_threshold", Assert.Single(result.Sources).OperatingBasis);
        Assert.Equal(quarters.Sum(q => q.Kw / 4), result.EnergyKwh!.Value, 6);
        Assert.Equal(DayType.Workday, result.DayType);
    }

    [Fact]
    public async Task Compute_CameraRegionHiddenBehindPeople_HiddenHoursPerSourceAndNullWhereNotSent()
    {
        var at = new DateTimeOffset(2026, 11, 18, 8, 0, 0, TimeSpan.Zero);
        await using var h = await StartAsync(at);
        await h.SendAsync([
            Signal(at, Minute, "press-1", SignalKind.RunningSeconds, 50),
            Signal(at, Minute, "press-1", SignalKind.HiddenSeconds, 12),
            Signal(at.AddMinutes(1), Minute, "press-1", SignalKind.RunningSeconds, 60),
            Signal(at.AddMinutes(1), Minute, "press-1", SignalKind.HiddenSeconds, 0),
            Signal(at, Minute, "lathe-1", SignalKind.RunningSeconds, 30),
        ]);

        var day = await h.DayAsync(new DateOnly(2026, 11, 18));

        Assert.Equal(12.0 / 3600, day.Sources.Single(s => s.Source == "press-1").HiddenHours!.Value, 9);
        Assert.Null(day.Sources.Single(s => s.Source == "lathe-1").HiddenHours);
        Assert.Equal(110.0 / 3600, day.OperatingHours!.Value, 9); // hidden seconds are not operating time of their own
    }
}
