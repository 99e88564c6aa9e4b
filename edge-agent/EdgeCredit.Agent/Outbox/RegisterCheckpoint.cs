namespace EdgeCredit.Agent.Outbox;

/// <summary>
/// A meter register value reported up to <see cref="At"/> (the end of the last stored window). Stored in the same
/// transaction as the batch that reports it, so after a crash the next window counts from exactly where the stored
/// batches stopped: no kWh is reported twice and none is skipped.
/// </summary>
internal readonly record struct RegisterCheckpoint(string Source, double Kwh, DateTimeOffset At);
