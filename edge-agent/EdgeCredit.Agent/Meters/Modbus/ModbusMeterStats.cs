namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Counters of one Modbus meter since start, for logs, tests and benchmarks.</summary>
internal sealed record ModbusMeterStats(
    long Polls,
    long GoodPolls,
    long Timeouts,
    long ProtocolErrors,
    long ExceptionResponses,
    long ConnectionFailures,
    long OutOfRange,
    long Reconnects,
    long SkippedPolls,
    ModbusPollOutcome LastOutcome,
    DateTimeOffset? LastGoodAt,
    string? LastError);
