namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>A clock the replay moves along the data, so the collector's clock checks see a live device.</summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
