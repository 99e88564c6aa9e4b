namespace EdgeCredit.Collector.Calendars;

/// <summary>A dated, named day: a public holiday or a make-up working day. <c>Date</c> is <c>yyyy-MM-dd</c> (local).</summary>
internal sealed class HolidayOptions
{
    public string? Date { get; set; }

    public string? Name { get; set; }
}
