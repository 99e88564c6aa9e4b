using EdgeCredit.Collector.Calendars;

namespace EdgeCredit.Collector.Devices;

/// <summary>One enterprise: <c>Registry:Enterprises:N</c>.</summary>
internal sealed class EnterpriseOptions
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>IANA time zone id (e.g. Asia/Shanghai); local days, shifts and holidays are in this zone. Default UTC.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Free-form industry label (e.g. steel, machining), for thresholds and rules built on the indicators.</summary>
    public string? Industry { get; set; }

    /// <summary>Average kW above which a source that reports only power/energy counts as operating; unset: such sources give no operating hours.</summary>
    public double? OperatingPowerKw { get; set; }

    /// <summary>Sources (machines, meters, camera regions) the enterprise is expected to report every day, even before they first report.</summary>
    public IList<string> Sources { get; } = new List<string>();

    public CalendarOptions Calendar { get; set; } = new();
}
