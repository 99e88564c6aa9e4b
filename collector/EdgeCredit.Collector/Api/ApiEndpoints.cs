using System.Globalization;
using EdgeCredit.Collector.Broker;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Profiles;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.Tenancy;
using EdgeCredit.Collector.Warnings;
using EdgeCredit.Collector.Webhooks;
using EdgeCredit.Collector.TimeSeries;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Api;

/// <summary>The REST endpoints: /healthz without a key, everything under /api/v1 with one.</summary>
internal static class ApiEndpoints
{
    public const int DefaultSignalLimit = 10_000;
    public const int MaxSignalLimit = 100_000;
    public const int DefaultQuarantineLimit = 100;
    public const int MaxQuarantineLimit = 10_000;

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        app.MapGet("/healthz", GetHealthAsync).WithName("health");
        var api = app.MapGroup("/api/v1").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/access", GetAccess).WithName("access");
        api.MapGet("/devices", GetDevicesAsync).WithName("devices");
        api.MapGet("/enterprises", GetEnterprisesAsync).WithName("enterprises");

        // Everything about one enterprise hangs off this group, so its access check cannot be forgotten.
        var enterprise = api.MapGroup("/enterprises/{id}").AddEndpointFilter<EnterpriseAccessFilter>();
        enterprise.MapGet("/signals", GetSignalsAsync).WithName("signals");
        enterprise.MapGet("/events", GetEventsAsync).WithName("events");
        enterprise.MapGet("/indicators", IndicatorEndpoints.GetIndicatorsAsync).WithName("indicators");

        api.MapWebhooks();
        api.MapWarnings(enterprise);
        enterprise.MapProfiles();
        api.MapGet("/quarantine", GetQuarantineAsync).WithName("quarantine").WithMetadata(OperatorOnly.Instance);
        api.MapGet("/ingest/stats", (IngestCounters counters) => TypedResults.Ok(counters.Snapshot())).WithName("ingestStats").WithMetadata(OperatorOnly.Instance);
        api.MapTimeSeries();
        return app;
    }

    private static async Task<IResult> GetHealthAsync(CollectorReader reader, IngestQueue queue, IOptions<BrokerOptions> broker, BrokerReadiness readiness, CancellationToken cancellationToken)
    {
        bool reachable;
        try
        {
            reachable = await reader.PingAsync(cancellationToken);
        }
        catch (SqliteException)
        {
            reachable = false;
        }

        var ready = readiness.IsReady;
        var body = new HealthResponse(reachable && ready ? "ok" : "degraded", broker.Value.Mode.ToString().ToLowerInvariant(), ready, queue.Depth, reachable);
        return reachable && ready ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Who the key belongs to and its grants valid now (an expired or future grant is not shown: it gives no access).</summary>
    private static IResult GetAccess(HttpContext context, LenderDirectory lenders, EnterpriseAccess access, TimeProvider time)
    {
        var caller = ApiCaller.From(context);
        var now = time.GetUtcNow();
        var grants = caller.Lender is { } lender
            ? lenders.GrantsOf(lender).Where(g => g.IsValidAt(now)).Select(g => new GrantResponse(g.Enterprise, g.ValidFrom == DateTimeOffset.MinValue ? null : g.ValidFrom, g.ValidTo)).ToArray()
            : [];
        var name = caller.Lender is { } id && lenders.TryGetLender(id, out var found) ? found.Name : null;
        return TypedResults.Ok(new AccessResponse(caller.KeyName, caller.IsOperator ? "operator" : "lender", caller.Lender, name, access.Visible(caller).Select(e => e.Id).ToArray(), grants));
    }

    private static async Task<IResult> GetDevicesAsync(HttpContext context, CollectorReader reader, DeviceRegistry registry, EnterpriseAccess access, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(context);
        var rows = (await reader.GetDevicesAsync(cancellationToken)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        var result = new List<DeviceResponse>();
        foreach (var device in registry.Devices)
        {
            result.Add(rows.Remove(device.Id, out var row)
                ? ToResponse(row)
                : new DeviceResponse(device.Id, device.Enterprise, false, null, null, null, 0, null, null, null));
        }

        // Devices with stored data that are no longer in the registry stay visible to the operator.
        result.AddRange(rows.Values.Select(ToResponse));
        return TypedResults.Ok(caller.IsOperator ? result : result.Where(d => access.MayRead(caller, d.Enterprise)).ToList());
    }

    private static async Task<IResult> GetEnterprisesAsync(HttpContext context, CollectorReader reader, EnterpriseAccess access, CancellationToken cancellationToken)
    {
        var result = new List<EnterpriseResponse>();
        foreach (var enterprise in access.Visible(ApiCaller.From(context)))
        {
            var last = await reader.GetLastSignalEndAsync(enterprise.Id, cancellationToken);
            result.Add(new EnterpriseResponse(enterprise.Id, enterprise.Name, enterprise.Devices.Count, FromMs(last)));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<IResult> GetSignalsAsync(
        string id,
        string? from,
        string? to,
        string? kind,
        string? limit,
        CollectorReader reader,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset toTime = now, fromTime;
        if (to is not null && !TryParseTime(to, out toTime))
        {
            return ApiProblems.BadParameter("to", to, "an ISO-8601 time such as 2026-11-25T00:00:00Z");
        }

        fromTime = toTime.AddHours(-24);
        if (from is not null && !TryParseTime(from, out fromTime))
        {
            return ApiProblems.BadParameter("from", from, "an ISO-8601 time such as 2026-11-25T00:00:00Z");
        }

        if (fromTime >= toTime)
        {
            return ApiProblems.BadParameter("from", from ?? fromTime.ToString("O", CultureInfo.InvariantCulture), $"a time before to ({toTime:O})");
        }

        string? kindName = null;
        if (kind is not null)
        {
            if (!SignalVocabulary.TryParseKind(kind, out var parsed))
            {
                return ApiProblems.BadParameter("kind", kind, "one of " + string.Join(", ", SignalVocabulary.All.Select(e => SignalVocabulary.WireName(e.Kind))));
            }

            kindName = SignalVocabulary.WireName(parsed);
        }

        var count = DefaultSignalLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxSignalLimit))
        {
            return ApiProblems.BadParameter("limit", limit, $"an integer from 1 to {MaxSignalLimit}");
        }

        var query = new SignalQuery(id, fromTime.ToUnixTimeMilliseconds(), toTime.ToUnixTimeMilliseconds(), kindName, count);
        var rows = await reader.GetSignalsAsync(query, cancellationToken);
        var signals = rows.Select(r => new SignalResponse(
            r.Device, r.Sequence, FromMs(r.StartMs), FromMs(r.EndMs), r.Source, r.Kind, r.Value, r.Unit, r.Quality)).ToArray();
        return TypedResults.Ok(new SignalsResponse(id, fromTime, toTime, signals.Length, signals));
    }

    private static async Task<IResult> GetEventsAsync(
        string id,
        string? from,
        string? to,
        string? type,
        string? limit,
        CollectorReader reader,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var toTime = time.GetUtcNow();
        if (to is not null && !TryParseTime(to, out toTime))
        {
            return ApiProblems.BadParameter("to", to, "an ISO-8601 time such as 2026-11-25T00:00:00Z");
        }

        var fromTime = toTime.AddDays(-7);
        if (from is not null && !TryParseTime(from, out fromTime))
        {
            return ApiProblems.BadParameter("from", from, "an ISO-8601 time such as 2026-11-25T00:00:00Z");
        }

        if (fromTime >= toTime)
        {
            return ApiProblems.BadParameter("from", from ?? fromTime.ToString("O", CultureInfo.InvariantCulture), $"a time before to ({toTime:O})");
        }

        string? typeName = null;
        if (type is not null)
        {
            if (!ProtocolJson.TryParseEnum<EventType>(type, out var parsed))
            {
                return ApiProblems.BadParameter("type", type, "one of " + string.Join(", ", Enum.GetValues<EventType>().Select(t => ProtocolJson.EnumWireName(t))));
            }

            typeName = ProtocolJson.EnumWireName(parsed);
        }

        var count = DefaultSignalLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxSignalLimit))
        {
            return ApiProblems.BadParameter("limit", limit, $"an integer from 1 to {MaxSignalLimit}");
        }

        var rows = await reader.GetEventsAsync(new EventQuery(id, fromTime.ToUnixTimeMilliseconds(), toTime.ToUnixTimeMilliseconds(), typeName, count), cancellationToken);
        var events = rows.Select(r => new EventResponse(
            r.Device, r.Sequence, FromMs(r.AtMs), r.Source, r.Type, r.Condition, r.State, r.Confidence, r.SinceMs is { } since ? FromMs(since) : null, r.Detail)).ToArray();
        return TypedResults.Ok(new EventsResponse(id, fromTime, toTime, events.Length, events));
    }

    private static async Task<IResult> GetQuarantineAsync(string? reason, string? limit, CollectorReader reader, CancellationToken cancellationToken)
    {
        if (reason is not null && !ProtocolJson.TryParseEnum<RejectReason>(reason, out _))
        {
            return ApiProblems.BadParameter("reason", reason, "one of " + string.Join(", ", Enum.GetValues<RejectReason>().Select(r => ProtocolJson.EnumWireName(r))));
        }

        var count = DefaultQuarantineLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxQuarantineLimit))
        {
            return ApiProblems.BadParameter("limit", limit, $"an integer from 1 to {MaxQuarantineLimit}");
        }

        var rows = await reader.GetQuarantineAsync(reason, count, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new QuarantineResponse(
            r.Id, FromMs(r.ReceivedAtMs), r.Topic, r.ClientId, r.Reason, r.Detail, r.PayloadBytes, r.PayloadHead)).ToArray());
    }

    private static DeviceResponse ToResponse(DeviceRow row) => new(
        row.Id,
        row.Enterprise,
        row.Online,
        FromMs(row.LastSeenMs),
        row.FirstStoredSequence,
        row.LastStoredSequence,
        row.StoredBatches,
        row.OutboxDepth,
        row.ReportedLastSequence,
        FromMs(row.StatusAtMs));

    private static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? FromMs(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
