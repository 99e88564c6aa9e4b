namespace EdgeCredit.Collector.Broker;

/// <summary>Whether a receipt was handed to the broker, and if not, why it was dropped.</summary>
internal readonly record struct ReceiptPublishResult(bool Sent, string? Problem)
{
    public static ReceiptPublishResult Delivered { get; } = new(true, null);

    public static ReceiptPublishResult Dropped(string problem) => new(false, problem);
}
