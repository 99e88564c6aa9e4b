namespace EdgeCredit.Agent.Signals;

/// <summary>Window arithmetic: windows are aligned to UTC multiples of their length (which divides a day).</summary>
internal static class WindowClock
{
    /// <summary>The first window boundary at or after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var ticks = now.UtcTicks;
        var remainder = ticks % window.Ticks;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks - remainder + window.Ticks, TimeSpan.Zero);
    }

    /// <summary>Start of the window that contains <paramref name="at"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset at, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % window.Ticks), TimeSpan.Zero);
    }
}
