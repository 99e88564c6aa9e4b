using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using EdgeCredit.Collector.Api;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Webhooks;

/// <summary>
/// <c>/api/v1/webhooks</c>: each key manages its owner's subscriptions (a lender its own; the operator's keys the
/// operator's and may read all). Someone else's subscription answers 404.
/// </summary>
internal static class WebhookEndpoints
{
    public const int MaxDeliveryLimit = 1000;

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/webhooks");
        group.MapPost(string.Empty, Create).WithName("createWebhook");
        group.MapGet(string.Empty, List).WithName("webhooks");
        group.MapDelete("/{subscription}", Delete).WithName("deleteWebhook");
        group.MapGet("/{subscription}/deliveries", Deliveries).WithName("webhookDeliveries");
        group.MapPost("/{subscription}/ping", Ping).WithName("pingWebhook");
        return api;
    }

    private static IResult Create(CreateWebhookRequest? body, HttpContext context, WebhookStore store, IOptions<WebhookOptions> options, TimeProvider time)
    {
        var caller = ApiCaller.From(context);
        if (body?.Url is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttp)))
        {
            return ApiProblems.BadField("url", body?.Url, options.Value.AllowHttp ? "an absolute http:// or https:// URL" : "an absolute https:// URL (Webhooks:AllowHttp is false)");
        }

        var events = body.Events is { Count: > 0 } asked ? asked.Distinct(StringComparer.Ordinal).ToArray() : ["*"];
        var unknown = events.FirstOrDefault(e => e != "*" && !WebhookEventTypes.All.Contains(e));
        if (unknown is not null)
        {
            return ApiProblems.BadField("events", unknown, "\"*\" or any of " + string.Join(", ", WebhookEventTypes.All));
        }

        var subscription = new WebhookSubscription(
            "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
            caller.Lender ?? WebhookSubscription.OperatorOwner,
            uri.ToString(),
            "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            events,
            time.GetUtcNow());
        store.AddSubscription(subscription);
        return TypedResults.Created(
            $"/api/v1/webhooks/{subscription.Id}",
            new CreatedWebhookResponse(subscription.Id, subscription.Url, subscription.Events, subscription.Secret, subscription.CreatedAt));
    }

    private static IResult List(HttpContext context, WebhookStore store)
    {
        var caller = ApiCaller.From(context);
        var rows = store.GetSubscriptions(caller.IsOperator ? null : caller.Lender);
        return TypedResults.Ok(rows.Select(s => new WebhookResponse(s.Id, s.Owner.Length == 0 ? null : s.Owner, s.Url, s.Events, s.CreatedAt)).ToArray());
    }

    private static IResult Delete(string subscription, HttpContext context, WebhookStore store, TimeProvider time)
    {
        if (Find(subscription, context, store, forChange: true) is null)
        {
            return NotFound(subscription);
        }

        store.DeleteSubscription(subscription, time.GetUtcNow());
        return TypedResults.NoContent();
    }

    private static IResult Deliveries(string subscription, string? limit, HttpContext context, WebhookStore store)
    {
        if (Find(subscription, context, store, forChange: false) is null)
        {
            return NotFound(subscription);
        }

        var count = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxDeliveryLimit))
        {
            return ApiProblems.BadField("limit", limit, $"an integer from 1 to {MaxDeliveryLimit}");
        }

        return TypedResults.Ok(store.GetDeliveries(subscription, count));
    }

    private static IResult Ping(string subscription, HttpContext context, WebhookStore store, WebhookPublisher publisher, TimeProvider time)
    {
        if (Find(subscription, context, store, forChange: true) is not { } found)
        {
            return NotFound(subscription);
        }

        var now = time.GetUtcNow();
        var eventId = "evt_ping_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var ids = publisher.PublishTo(found, new WebhookEvent(eventId, WebhookEventTypes.Ping, null, now, new JsonObject { ["message"] = "ping from the EdgeCredit collector" }));
        return TypedResults.Accepted($"/api/v1/webhooks/{subscription}/deliveries", new PingResponse(subscription, eventId, ids));
    }

    /// <summary>The caller's own live subscription; the operator may read (not change) any.</summary>
    private static WebhookSubscription? Find(string id, HttpContext context, WebhookStore store, bool forChange)
    {
        var caller = ApiCaller.From(context);
        var owner = caller.Lender ?? WebhookSubscription.OperatorOwner;
        var found = store.GetSubscriptions(caller.IsOperator && !forChange ? null : owner).FirstOrDefault(s => s.Id == id);
        return found;
    }

    private static IResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown webhook subscription",
        detail: $"No subscription '{id}' belongs to this API key; GET /api/v1/webhooks lists yours.");
}
