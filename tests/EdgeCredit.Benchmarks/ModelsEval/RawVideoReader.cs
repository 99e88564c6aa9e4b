using System.Diagnostics;
using System.Globalization;

namespace EdgeCredit.Benchmarks.ModelsEval;

/// <summary>
/// Decodes a video file (mp4, gif, ...) with a Debian <c>ffmpeg</c> child into grey frames at the agent's analysis
/// size and rate (<c>-vf fps=F,scale=W:H -pix_fmt gray</c>), as the capture stage does for a camera.
/// </summary>
internal static class RawVideoReader
{
    public static IEnumerable<byte[]> Frames(string path, double fps, int width, int height)
    {
        var start = new ProcessStartInfo("/usr/bin/ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-v", "error", "-nostdin", "-i", path, "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale={width}:{height}"), "-pix_fmt", "gray", "-f", "rawvideo", "-" })
        {
            start.ArgumentList.Add(arg);
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
    }
}
