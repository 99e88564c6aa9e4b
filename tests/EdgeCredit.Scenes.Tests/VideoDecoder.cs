using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace EdgeCredit.Scenes.Tests;

/// <summary>Reads rendered videos back with Debian's ffmpeg and ffprobe, as a camera pipeline would.</summary>
internal static class VideoDecoder
{
    /// <summary>Every frame of the video as 8-bit grey, in order (one new array per frame); ffmpeg must exit cleanly.</summary>
    public static IEnumerable<byte[]> Gray(string path, int width, int height) =>
        FfmpegGreyReader.Frames(path, width, height, exited: code => Assert.Equal(0, code));

    public static List<byte[]> AllGray(string path, int width, int height) => [.. Gray(path, width, height)];

    /// <summary>ffprobe's width, height, frame rate, frame count and duration of the first video stream.</summary>
    public static (int Width, int Height, string FrameRate, int Frames, double Duration) Probe(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=width,height,r_frame_rate,nb_read_frames:format=duration", "-of", "json", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        using var document = JsonDocument.Parse(json);
        var stream = document.RootElement.GetProperty("streams")[0];
        return (
            stream.GetProperty("width").GetInt32(),
            stream.GetProperty("height").GetInt32(),
            stream.GetProperty("r_frame_rate").GetString()!,
            int.Parse(stream.GetProperty("nb_read_frames").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(document.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture));
    }
}
