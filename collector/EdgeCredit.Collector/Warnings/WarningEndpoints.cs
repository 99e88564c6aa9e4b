using System.Globalization;
using EdgeCredit.Collector.Api;
using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Warnings;

/// <summary>
/// <c>/api/v1/warnings</c> (list with filters, one with its audit trail, acknowledge, resolve) and
/// <c>/api/v1/enterprises/{id}/operating-state</c>. A caller sees and changes only warnings of enterprises it may read
/// now; any other answers 404.
/// </summary>
internal static class WarningEndpoints
{
    public const int MaxLimit = 1000;
    public const int MaxStateDays = 366;
    private static readonly string[] Dispositions = ["verified_on_site", "false_alarm", "planned_downtime"];
    private static readonly string[] Levels = ["alert", "watch", "notice"];
    private static readonly string[] Statuses = ["open", "acknowledged", "resolved", "active"];
    private static readonly string[] Categories = [WarningCauses.Production, WarningCauses.Data, WarningCauses.Integrity];

    public static RouteGroupBuilder MapWarnings(this RouteGroupBuilder api, RouteGroupBuilder enterprise)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(enterprise);
        api.MapGet("/warnings", List).WithName("warnings");
        api.MapGet("/warnings/{warning:long}", Get).WithName("warning");
        api.MapPost("/warnings/{warning:long}/acknowledge", Acknowledge).WithName("acknowledgeWarning");
        api.MapPost("/warnings/{warning:long}/resolve", Resolve).WithName("resolveWarning");
        enterprise.MapGet("/operating-state", OperatingStateAsync).WithName("operatingState");
        return api;
    }

    private static IResult List(string? level, string? status, string? category, string? enterprise, string? limit, HttpContext context, EnterpriseAccess access, WarningStore store)
    {
        var caller = ApiCaller.From(context);
        if (level is not null && !Levels.Contains(level))
        {
            return ApiProblems.BadParameter("level", level, string.Join(", ", Levels));
        }

        if (status is not null && !Statuses.Contains(status))
        {
            return ApiProblems.BadParameter("status", status, string.Join(", ", Statuses) + " (active = open or acknowledged)");
        }

        if (category is not null && !Categories.Contains(category))
        {
            return ApiProblems.BadParameter("category", category, string.Join(", ", Categories));
        }

        var count = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxLimit))
        {
            return ApiProblems.BadParameter("limit", limit, $"an integer from 1 to {MaxLimit}");
        }

        var visible = access.Visible(caller).Select(e => e.Id).Where(e => enterprise is null || e == enterprise).ToArray();
        var rows = store.List(new WarningQuery(visible, level, status, category, count));
        return TypedResults.Ok(rows.Select(WarningEngine.ToJson).ToArray());
    }

    private static IResult Get(long warning, HttpContext context, EnterpriseAccess access, WarningStore store) =>
        Visible(warning, context, access, store) is { } found
            ? TypedResults.Ok(new WarningDetailResponse(WarningEngine.ToJson(found), store.GetAudit(found.Id)))
            : NotFound(warning);

    private static IResult Acknowledge(long warning, AcknowledgeRequest? body, HttpContext context, EnterpriseAccess access, WarningStore store, WarningEngine engine)
    {
        if (Visible(warning, context, access, store) is null)
        {
            return NotFound(warning);
        }

        return engine.Acknowledge(warning, Actor(context), body?.Note) is { } done
            ? TypedResults.Ok(WarningEngine.ToJson(done))
            : Conflict(warning, "only an open warning can be acknowledged");
    }

    private static IResult Resolve(long warning, ResolveRequest? body, HttpContext context, EnterpriseAccess access, WarningStore store, WarningEngine engine)
    {
        if (Visible(warning, context, access, store) is null)
        {
            return NotFound(warning);
        }

        if (body?.Disposition is not { } disposition || !Dispositions.Contains(disposition))
        {
            return ApiProblems.BadParameter("disposition", body?.Disposition, string.Join(", ", Dispositions));
        }

        return engine.Resolve(warning, Actor(context), disposition, body.Note) is { } done
            ? TypedResults.Ok(WarningEngine.ToJson(done))
            : Conflict(warning, "the warning is already resolved");
    }

    private static async Task<IResult> OperatingStateAsync(string id, string? from, string? to, WarningEngine engine, CancellationToken cancellationToken)
    {
        var toDate = engine.LastCompleteDay(id).AddDays(1);
        if (to is not null && !CalendarParsing.TryParseDate(to, out toDate))
        {
            return ApiProblems.BadParameter("to", to, "a local date yyyy-MM-dd such as 2026-11-25");
        }

        var fromDate = toDate.AddDays(-29);
        if (from is not null && !CalendarParsing.TryParseDate(from, out fromDate))
        {
            return ApiProblems.BadParameter("from", from, "a local date yyyy-MM-dd such as 2026-11-01");
        }

        if (fromDate > toDate || toDate.DayNumber - fromDate.DayNumber >= MaxStateDays)
        {
            return ApiProblems.BadParameter("from", fromDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), $"a date on or before to, at most {MaxStateDays} days before it");
        }

        var days = await engine.AssessAsync(id, fromDate, toDate, cancellationToken);
        return TypedResults.Ok(new OperatingStateResponse(id, fromDate, toDate, days.Select(d => new DayStateResponse(
            d.Date, d.DayType.ToString(), WarningEvaluator.Name(d.State), d.Reasons, d.Flags, d.Indicators.Coverage,
            d.Indicators.OperatingHours, d.Indicators.EnergyKwh, d.Indicators.Activity, Math.Round(d.TamperMinutes, 1))).ToArray()));
    }

    private static WarningRecord? Visible(long id, HttpContext context, EnterpriseAccess access, WarningStore store) =>
        store.Get(id) is { } found && access.MayRead(ApiCaller.From(context), found.Enterprise) ? found : null;

    private static string Actor(HttpContext context)
    {
        var caller = ApiCaller.From(context);
        return caller.Lender is { } lender ? $"{caller.KeyName} ({lender})" : caller.KeyName;
    }

    private static IResult NotFound(long id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown warning",
        detail: $"No warning {id} for this API key; GET /api/v1/warnings lists yours.");

    private static IResult Conflict(long id, string why) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Warning not open",
        detail: $"Warning {id}: {why}.");
}
