namespace EdgeCredit.Collector.Demo;

/// <summary>
/// One simulated device's history: <c>Demo:History:N</c>. <see cref="Plan"/>: <c>normal</c>; <c>decline</c> (the last 8
/// scheduled days at 60 %); <c>halt</c> (the last 3 scheduled days stopped); <c>dark</c> (nothing for the last 3 days);
/// <c>dark-1</c> (nothing yesterday); <c>tamper</c> (the camera covered for two hours yesterday).
/// </summary>
internal sealed class DemoHistoryEntry
{
    public string? Enterprise { get; set; }

    public string? Device { get; set; }

    public string Plan { get; set; } = "normal";
}
