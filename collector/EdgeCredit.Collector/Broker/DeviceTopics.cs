using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Broker;

/// <summary>
/// The ACL of the embedded broker: a device may only use its own subtree <c>edgecredit/v1/{enterprise}/{device}/#</c>
/// (so it can subscribe to its own receipts), and may not publish receipts.
/// </summary>
internal static class DeviceTopics
{
    public static string SubtreeOf(string enterprise, string device) => $"{Topics.Root}/{enterprise}/{device}/";

    /// <summary>True when a topic or topic filter lies inside the device's subtree (wildcards only after the device level).</summary>
    public static bool IsInSubtree(string topicOrFilter, string enterprise, string device)
    {
        ArgumentNullException.ThrowIfNull(topicOrFilter);
        var prefix = SubtreeOf(enterprise, device);
        return topicOrFilter.StartsWith(prefix, StringComparison.Ordinal) && topicOrFilter.Length > prefix.Length;
    }

    /// <summary>True for any v1 signals topic, whoever it names.</summary>
    public static bool IsSignals(string topic, out TopicAddress address) =>
        Topics.TryParse(topic, out address) && address.Channel == Topics.Signals;

    /// <summary>True for any v1 receipts topic: only the collector publishes there.</summary>
    public static bool IsReceipts(string topic) =>
        Topics.TryParse(topic, out var address) && address.Channel == Topics.Receipts;

    public static bool IsStatus(string topic, out TopicAddress address) =>
        Topics.TryParse(topic, out address) && address.Channel == Topics.Status;
}
