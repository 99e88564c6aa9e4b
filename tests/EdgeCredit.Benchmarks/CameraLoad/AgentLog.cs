using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// What the agent's console log says about one camera: the UTC stamp of its first "streaming" line (event 6002) and of
/// each region decision (event 6107, "Camera C, region R: running since AT"). Lines start with the UTC timestamp
/// (appsettings.json: TimestampFormat yyyy-MM-ddTHH:mm:ss.fffK, UTC: 2026-11-26T02:03:05.663+00:00).
/// </summary>
internal static partial class AgentLog
{
    public static (DateTimeOffset? Streaming, List<(string Region, string State, DateTimeOffset At, DateTimeOffset Logged)> Decisions) Parse(IEnumerable<string> lines, string camera, string regionPrefix)
    {
        DateTimeOffset? streaming = null;
        var decisions = new List<(string, string, DateTimeOffset, DateTimeOffset)>();
        foreach (var line in lines)
        {
            if (Stamp().Match(line) is not { Success: true } stamp
                || !DateTimeOffset.TryParse(stamp.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var logged))
            {
                continue;
            }

            if (streaming is null && line.Contains($"Camera {camera} (", StringComparison.Ordinal) && line.Contains(") streaming: ", StringComparison.Ordinal))
            {
                streaming = logged;
            }
            else if (Decision().Match(line) is { Success: true } d && d.Groups[1].Value == camera && d.Groups[2].Value.StartsWith(regionPrefix, StringComparison.Ordinal))
            {
                decisions.Add((d.Groups[2].Value[regionPrefix.Length..], d.Groups[3].Value, DateTimeOffset.Parse(d.Groups[4].Value, CultureInfo.InvariantCulture), logged));
            }
        }

        return (streaming, decisions);
    }

    [GeneratedRegex(@"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(?:Z|[+-]\d\d:\d\d)) ")]
    private static partial Regex Stamp();

    [GeneratedRegex(@"Camera (\S+), region (\S+): (running|idle) since (\S+)")]
    private static partial Regex Decision();
}
