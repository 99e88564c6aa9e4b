namespace EdgeCredit.Collector.Webhooks;

/// <summary>The event types a subscription may ask for.</summary>
internal static class WebhookEventTypes
{
    public const string Ping = "ping";
    public const string WarningOpened = "warning.opened";
    public const string WarningUpdated = "warning.updated";
    public const string WarningAcknowledged = "warning.acknowledged";
    public const string WarningResolved = "warning.resolved";

    public static readonly IReadOnlyList<string> All = [Ping, WarningOpened, WarningUpdated, WarningAcknowledged, WarningResolved];
}
