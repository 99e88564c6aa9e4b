namespace EdgeCredit.Collector.Storage;

/// <summary>One stored quarantine record.</summary>
internal sealed record QuarantineRow(long Id, long ReceivedAtMs, string Topic, string? ClientId, string Reason, string Detail, long PayloadBytes, byte[]? PayloadHead);
