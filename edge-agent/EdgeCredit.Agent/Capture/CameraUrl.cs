using System.Text.RegularExpressions;

namespace EdgeCredit.Agent.Capture;

/// <summary>Camera URL helpers shared by capture and commissioning: ffmpeg input arguments per kind of source, passwords masked in logs.</summary>
internal static partial class CameraUrl
{
    /// <summary>The URL with any password replaced by <c>***</c> (rtsp://user:secret@host → rtsp://user:***@host).</summary>
    public static string Redact(string url) => Password().Replace(url ?? string.Empty, "$1***@");

    /// <summary>ffmpeg arguments that open the source: RTSP over TCP, V4L2 for /dev/video*, a plain input otherwise.</summary>
    public static IReadOnlyList<string> InputArguments(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
        {
            return ["-rtsp_transport", "tcp", "-i", url];
        }

        return url.StartsWith("/dev/video", StringComparison.Ordinal) ? ["-f", "v4l2", "-i", url] : ["-i", url];
    }

    [GeneratedRegex("(://[^:/@]+:)[^@/]*@", RegexOptions.CultureInvariant)]
    private static partial Regex Password();
}
