using System.Globalization;
using EdgeCredit.Collector.Calendars;
using EdgeCredit.Collector.Indicators;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

/// <summary>GET /api/v1/enterprises/{id}/indicators?from=&amp;to= (local dates, inclusive), computed from the rollups.</summary>
internal static class IndicatorEndpoints
{
    public const int DefaultDays = 30;

    public static async Task<IResult> GetIndicatorsAsync(
        string id,
        string? from,
        string? to,
        EnterpriseCalendars calendars,
        IndicatorEngine engine,
        IOptions<IndicatorOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var calendar = calendars.Get(id).Calendar;
        var toDate = calendar.LocalDate(time.GetUtcNow().ToUnixTimeMilliseconds());
        if (to is not null && !CalendarParsing.TryParseDate(to, out toDate))
        {
            return ApiProblems.BadParameter("to", to, "a local date yyyy-MM-dd such as 2026-11-25");
        }

        var fromDate = toDate.AddDays(1 - DefaultDays);
        if (from is not null && !CalendarParsing.TryParseDate(from, out fromDate))
        {
            return ApiProblems.BadParameter("from", from, "a local date yyyy-MM-dd such as 2026-11-01");
        }

        var max = options.Value.MaxRangeDays;
        if (fromDate > toDate || toDate.DayNumber - fromDate.DayNumber + 1 > max)
        {
            return ApiProblems.BadParameter("from", from ?? fromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"a date not after to ({toDate:yyyy-MM-dd}) and at most {max} days before it");
        }

        var days = await engine.ComputeAsync(id, fromDate, toDate, cancellationToken);
        return TypedResults.Ok(new IndicatorsResponse(id, calendar.Zone.Id, fromDate, toDate, days));
    }
}
