using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// Reads the frame size from ffmpeg's description of its output stream, printed before the first frame is written:
/// <c>Stream #0:0: Video: rawvideo (Y800 / 0x30303859), gray(pc, progressive), 320x180 [SAR 1:1 DAR 16:9], ...</c>
/// (ffmpeg 4 to 7 print it this way).
/// </summary>
internal static partial class FfmpegStreamInfo
{
    public static bool IsOutputHeader(string line) => line.StartsWith("Output #0", StringComparison.Ordinal);

    public static bool TryParseSize(string line, out int width, out int height)
    {
        var match = OutputStream().Match(line);
        if (match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out width)
            && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out height)
            && width > 0 && height > 0)
        {
            return true;
        }

        width = height = 0;
        return false;
    }

    [GeneratedRegex(@"^\s*Stream #0:0.*: Video: rawvideo\b.*?\bgray\b.*?, (\d{1,5})x(\d{1,5})\b", RegexOptions.CultureInvariant)]
    private static partial Regex OutputStream();
}
