using System.Globalization;
using System.Text;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// The ffmpeg command line of one camera: decode the input, keep video only, pick frames at the analysis rate, scale to
/// the analysis width (height from the aspect ratio, rounded to even) and write 8-bit grey raw frames to stdout.
/// Decoding is what a camera costs (about five sixths of its CPU at 720p): one decoder thread and one filter thread
/// by default (threads beyond one cost CPU per frame to coordinate), and H.264/H.265 deblocking skipped
/// (<see cref="CameraOptions.SkipDeblocking"/>).
/// With stills (<see cref="CameraStillOutput"/>, for a meter read by OCR from this camera) the decoded frames are split:
/// the analysis frames as above on stdout, and per still a grey picture at its own rate and width renamed over its
/// file (image2, atomic). Deblocking is then kept: a still is read at close to the camera's own width, where block
/// edges would show.
/// Log level <c>info</c> (without progress lines) because the frame size is read from ffmpeg's own description of the
/// output stream (<see cref="FfmpegStreamInfo"/>); only ffmpeg knows it for sure before the first frame (the input's
/// size, its sample aspect ratio and rotation all play a part), and it costs no second connection to the camera.
/// </summary>
internal static class FfmpegArguments
{
    public static IReadOnlyList<string> For(CameraOptions camera) => For(camera, []);

    public static IReadOnlyList<string> For(CameraOptions camera, IReadOnlyList<CameraStillOutput> stills)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(stills);
        List<string> args = ["-hide_banner", "-nostdin", "-nostats", "-loglevel", "info"];
        switch (CameraUrl.KindOf(camera.Url))
        {
            case CameraSourceKind.Rtsp:
                // TCP: no lost UDP packets (smeared frames) and it passes NAT and firewalls.
                args.AddRange(["-rtsp_transport", "tcp", "-fflags", "nobuffer"]);
                break;
            case CameraSourceKind.Http:
                // MJPEG parts carry no timestamps (ffmpeg would assume 25 fps and the fps filter would pick the wrong
                // frames): stamp each picture when it arrives.
                args.AddRange(["-use_wallclock_as_timestamps", "1", "-fflags", "nobuffer"]);
                break;
            case CameraSourceKind.Device:
                args.AddRange(["-f", "v4l2"]);
                break;
            case CameraSourceKind.File when camera.FileRealTime:
                // Played at its own rate and looped, as a live camera would deliver it.
                args.AddRange(["-re", "-stream_loop", "-1"]);
                break;
        }

        // Decoder options go before -i. Both are generic: a decoder without threads or a loop filter (MJPEG) ignores them.
        args.AddRange(["-threads", camera.DecodeThreads.ToString(CultureInfo.InvariantCulture)]);
        if (camera.SkipDeblocking && stills.Count == 0)
        {
            args.AddRange(["-skip_loop_filter", "all"]);
        }

        var analysis = Chain(camera.AnalysisFps, camera.AnalysisWidth);
        string[] rawFrames = ["-pix_fmt", "gray", "-f", "rawvideo", "pipe:1"];
        args.AddRange(["-i", camera.Url, "-an", "-sn", "-dn"]);
        if (stills.Count == 0)
        {
            args.AddRange(["-map", "0:v:0", "-filter_threads", "1", "-vf", analysis, .. rawFrames]);
            return args;
        }

        var graph = new StringBuilder().Append(CultureInfo.InvariantCulture, $"[0:v:0]split={stills.Count + 1}[a]");
        graph.AppendJoin(string.Empty, stills.Select((_, i) => $"[s{i}]"));
        graph.Append(CultureInfo.InvariantCulture, $";[a]{analysis},format=gray[v]");
        for (var i = 0; i < stills.Count; i++)
        {
            graph.Append(CultureInfo.InvariantCulture, $";[s{i}]{Chain(stills[i].Fps, stills[i].Width)},format=gray[o{i}]");
        }

        args.AddRange(["-filter_complex_threads", "1", "-filter_complex", graph.ToString(), "-map", "[v]", .. rawFrames]);
        for (var i = 0; i < stills.Count; i++)
        {
            args.AddRange(["-map", $"[o{i}]", "-f", "image2", "-update", "1", "-atomic_writing", "1", "-y", stills[i].Path]);
        }

        return args;
    }

    /// <summary>Frames picked at <paramref name="fps"/>, area-scaled to <paramref name="width"/> (height from the aspect ratio, even).</summary>
    private static string Chain(double fps, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"fps={fps:0.######},scale={width}:-2:flags=area");
}
