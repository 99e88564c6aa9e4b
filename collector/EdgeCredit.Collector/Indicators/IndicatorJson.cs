using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeCredit.Collector.Indicators;

/// <summary>How <see cref="DailyIndicators"/> is stored in <c>daily_indicators.body</c>: camelCase, enums as names.</summary>
internal static class IndicatorJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
