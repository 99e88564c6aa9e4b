namespace EdgeCredit.Collector.Webhooks;

/// <summary>How an attempt ended: delivered, to be retried, or refused for good by the receiver (a 4xx other than 408/425/429).</summary>
internal enum WebhookOutcome
{
    Delivered,
    Retry,
    Invalid,
}
