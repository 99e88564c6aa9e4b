namespace EdgeCredit.Collector.Storage;

/// <summary>One (source, kind, hour) cell of a batch before it is added to <c>rollups_hourly</c>.</summary>
internal readonly record struct RollupCell(double Sum, double Weighted, long Count, double Min, double Max, double Covered, long FlaggedCount, double FlaggedSeconds)
{
    public RollupCell AddMeasured(double value, double seconds) => this with
    {
        Sum = Sum + value,
        Weighted = Weighted + (value * seconds),
        Count = Count + 1,
        Min = Count == 0 ? value : Math.Min(Min, value),
        Max = Count == 0 ? value : Math.Max(Max, value),
        Covered = Covered + seconds,
    };

    public RollupCell AddFlagged(double seconds) => this with { FlaggedCount = FlaggedCount + 1, FlaggedSeconds = FlaggedSeconds + seconds };
}
