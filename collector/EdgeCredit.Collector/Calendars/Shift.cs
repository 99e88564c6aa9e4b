namespace EdgeCredit.Collector.Calendars;

/// <summary>A parsed shift in local wall-clock time; <see cref="End"/> before <see cref="Start"/> crosses midnight.</summary>
internal readonly record struct Shift(TimeOnly Start, TimeOnly End)
{
    /// <summary>Wall-clock length (a DST change during the shift is not counted).</summary>
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);
}
