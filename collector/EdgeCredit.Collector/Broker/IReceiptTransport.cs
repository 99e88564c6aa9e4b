namespace EdgeCredit.Collector.Broker;

/// <summary>The broker connection that carries delivery receipts to devices (embedded broker or external client).</summary>
internal interface IReceiptTransport
{
    /// <summary>Publishes one receipt with QoS 1, not retained. Never waits for a connection: when there is none it reports a drop.</summary>
    Task<ReceiptPublishResult> PublishReceiptAsync(string topic, byte[] payload, CancellationToken cancellationToken);
}
