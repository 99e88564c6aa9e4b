namespace EdgeCredit.Testing.Servers;

/// <summary>A write request as <see cref="RejectingTimeSeriesServer"/> saw it.</summary>
internal sealed record ReceivedWrite(DateTimeOffset At, string PathAndQuery, string[] Lines, int AnsweredStatus);
