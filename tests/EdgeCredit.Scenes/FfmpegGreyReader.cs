using System.Diagnostics;

namespace EdgeCredit.Scenes;

/// <summary>
/// Reads a video file back as 8-bit grey frames with a Debian <c>ffmpeg</c> child (<c>-f rawvideo -pix_fmt gray</c>),
/// as a camera pipeline would: for tests and evaluations of rendered scenes and real clips.
/// </summary>
internal static class FfmpegGreyReader
{
    /// <summary>
    /// Every frame, in order, one new array of <paramref name="width"/> x <paramref name="height"/> bytes each.
    /// <paramref name="filter"/> is an optional <c>-vf</c> chain whose output has that size (for example
    /// <c>fps=5,scale=320:180</c>); without it the video must already have that size. <paramref name="exited"/> gets
    /// ffmpeg's exit code once the frames are read.
    /// </summary>
    public static IEnumerable<byte[]> Frames(string path, int width, int height, string? filter = null, Action<int>? exited = null)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-hide_banner", "-loglevel", "error", "-nostdin", "-i", path })
        {
            start.ArgumentList.Add(argument);
        }

        if (filter is not null)
        {
            start.ArgumentList.Add("-vf");
            start.ArgumentList.Add(filter);
        }

        foreach (var argument in new[] { "-f", "rawvideo", "-pix_fmt", "gray", "-" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var stream = process.StandardOutput.BaseStream;
        while (true)
        {
            var frame = new byte[width * height];
            var read = 0;
            while (read < frame.Length)
            {
                var n = stream.Read(frame, read, frame.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read < frame.Length)
            {
                break;
            }

            yield return frame;
        }

        process.WaitForExit();
        exited?.Invoke(process.ExitCode);
    }
}
