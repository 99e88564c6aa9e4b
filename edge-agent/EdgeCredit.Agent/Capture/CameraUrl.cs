using System.Text.RegularExpressions;

namespace EdgeCredit.Agent.Capture;

/// <summary>Classifies camera URLs and masks the passwords in them (and in ffmpeg's messages) before they are logged.</summary>
internal static partial class CameraUrl
{
    public static CameraSourceKind KindOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Trim() != url)
        {
            return CameraSourceKind.Unsupported;
        }

        if (url.StartsWith("rtsp://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("rtsps://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? CameraSourceKind.Rtsp : CameraSourceKind.Unsupported;
        }

        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0 ? CameraSourceKind.Http : CameraSourceKind.Unsupported;
        }

        if (DevicePattern().IsMatch(url))
        {
            return CameraSourceKind.Device;
        }

        // Any other scheme (udp://, srt://, file:// ...) is refused rather than guessed at.
        return SchemePattern().IsMatch(url) ? CameraSourceKind.Unsupported : CameraSourceKind.File;
    }

    /// <summary>The text with the password of every <c>scheme://user:password@</c> replaced by <c>***</c>.</summary>
    public static string Mask(string text) => PasswordPattern().Replace(text, "$1:***@");

    [GeneratedRegex(@"^/dev/video[0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DevicePattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^@/\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex PasswordPattern();
}
