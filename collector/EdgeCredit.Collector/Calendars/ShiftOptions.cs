namespace EdgeCredit.Collector.Calendars;

/// <summary>One shift, local wall-clock <c>HH:mm</c>; an end before the start crosses midnight (22:00 to 06:00).</summary>
internal sealed class ShiftOptions
{
    public string? Start { get; set; }

    public string? End { get; set; }
}
