using System.Text.Json.Serialization;

namespace EdgeCredit.Collector.Calendars;

/// <summary>What kind of day a local date is for an enterprise, from its work calendar.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DayType>))]
internal enum DayType
{
    /// <summary>A working weekday with the configured shifts.</summary>
    Workday,

    /// <summary>A non-working weekday (by default Saturday and Sunday).</summary>
    Weekend,

    /// <summary>A public holiday (built-in set or configured); no shifts scheduled.</summary>
    Holiday,

    /// <summary>A weekend day worked to make up for a holiday bridge (China's 调休); the shifts apply.</summary>
    MakeUpWorkday,
}
