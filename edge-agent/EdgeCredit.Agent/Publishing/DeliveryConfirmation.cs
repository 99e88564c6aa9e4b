namespace EdgeCredit.Agent.Publishing;

/// <summary>What proves a batch was delivered, so that it may leave the outbox. Key <c>Publishing:Confirmation</c>.</summary>
internal enum DeliveryConfirmation
{
    /// <summary>
    /// The collector's receipt on <c>edgecredit/v1/{enterprise}/{device}/receipts</c>, sent after its durable commit.
    /// A batch acknowledged by the broker but without a receipt after <see cref="PublishingOptions.ReceiptTimeout"/>
    /// is sent again. Use this with any external broker (mosquitto, EMQX, ...).
    /// </summary>
    Receipt,

    /// <summary>
    /// The broker's PUBACK (the behaviour before receipts). Only safe with a broker that sends its PUBACK after the
    /// collector's commit, that is the collector's embedded broker. With an external broker a PUBACK only means the
    /// broker has the message, and a broker restart can still lose it.
    /// </summary>
    BrokerAck,
}
