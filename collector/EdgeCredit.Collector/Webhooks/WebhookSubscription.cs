namespace EdgeCredit.Collector.Webhooks;

/// <summary>A receiver URL of a lender (or of the operator, owner ""), for the event types listed ("*" for all).</summary>
internal sealed record WebhookSubscription(string Id, string Owner, string Url, string Secret, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public const string OperatorOwner = "";

    public bool Wants(string type) => Events.Contains("*") || Events.Contains(type);
}
