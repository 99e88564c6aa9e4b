namespace EdgeCredit.Collector.Demo;

/// <summary>
/// Simulated history written by the <c>seed-demo-history</c> verb (section <c>Demo</c>): for each entry, weeks of
/// hourly signals of a device, so the demo shows baselines, trends and every warning level at once.
/// </summary>
internal sealed class DemoHistoryOptions
{
    public const string SectionName = "Demo";

    /// <summary>Local days of history, ending yesterday.</summary>
    public int Days { get; set; } = 42;

    public IList<DemoHistoryEntry> History { get; } = new List<DemoHistoryEntry>();
}
