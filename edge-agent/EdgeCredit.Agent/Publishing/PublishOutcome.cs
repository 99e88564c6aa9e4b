namespace EdgeCredit.Agent.Publishing;

/// <summary>What became of one publish, in the three buckets of a sink.</summary>
internal enum PublishOutcome
{
    /// <summary>The broker acknowledged it (PUBACK success); it now waits for the collector's receipt (or, with BrokerAck, leaves the outbox).</summary>
    Acknowledged,

    /// <summary>Not acknowledged (refused, timed out, connection lost); keep it and try again.</summary>
    Retry,

    /// <summary>Can never be sent (unreadable payload); quarantined, never retried.</summary>
    Invalid,
}
