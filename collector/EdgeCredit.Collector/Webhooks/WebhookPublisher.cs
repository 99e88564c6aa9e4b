using EdgeCredit.Collector.Tenancy;

namespace EdgeCredit.Collector.Webhooks;

/// <summary>
/// Queues an event for every subscription that wants it: the operator's, and a lender's only if the lender holds a grant
/// for the event's enterprise valid when it occurred. Queued deliveries survive restarts; the dispatcher sends them.
/// </summary>
internal sealed class WebhookPublisher(WebhookStore store, LenderDirectory lenders, WebhookWake wake, TimeProvider time)
{
    public IReadOnlyList<long> Publish(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var targets = store.GetSubscriptions(owner: null).Where(s => s.Wants(webhookEvent.Type) && MayHear(s, webhookEvent));
        return Enqueue(webhookEvent, targets);
    }

    /// <summary>Queues the event for one subscription only (a ping the subscriber asked for).</summary>
    public IReadOnlyList<long> PublishTo(WebhookSubscription subscription, WebhookEvent webhookEvent) => Enqueue(webhookEvent, [subscription]);

    private IReadOnlyList<long> Enqueue(WebhookEvent webhookEvent, IEnumerable<WebhookSubscription> targets)
    {
        var ids = store.Enqueue(webhookEvent, targets, time.GetUtcNow());
        if (ids.Count > 0)
        {
            wake.Signal();
        }

        return ids;
    }

    private bool MayHear(WebhookSubscription subscription, WebhookEvent webhookEvent) =>
        subscription.Owner == WebhookSubscription.OperatorOwner
        || (webhookEvent.Enterprise is { } enterprise && lenders.MayRead(subscription.Owner, enterprise, webhookEvent.OccurredAt));
}
