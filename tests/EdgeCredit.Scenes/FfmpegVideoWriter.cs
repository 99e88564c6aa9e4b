using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace EdgeCredit.Scenes;

/// <summary>
/// Owns a Debian <c>ffmpeg</c> child that reads raw BGR frames on stdin and writes an H.264 mp4 with a keyframe every 2 s,
/// as IP cameras send (and optionally an MJPEG avi).
/// </summary>
internal sealed class FfmpegVideoWriter : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly StringBuilder errors = new();
    private bool completed;

    public FfmpegVideoWriter(string mp4Path, string? aviPath, SceneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", $"{spec.Width}x{spec.Height}", "-r", spec.Fps.ToString(CultureInfo.InvariantCulture), "-i", "-",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", spec.Crf.ToString(CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", "-g", (2 * spec.Fps).ToString(CultureInfo.InvariantCulture), "-movflags", "+faststart", mp4Path,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (aviPath is not null)
        {
            foreach (var argument in new[] { "-c:v", "mjpeg", "-q:v", "5", "-pix_fmt", "yuvj420p", aviPath })
            {
                start.ArgumentList.Add(argument);
            }
        }

        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("could not start ffmpeg");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("could not start ffmpeg: install Debian's ffmpeg (apt-get install ffmpeg)", e);
        }

        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        input = process.StandardInput.BaseStream;
    }

    public void Write(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        try
        {
            input.Write(frame);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"ffmpeg stopped reading frames: {Errors()}", e);
        }
    }

    /// <summary>Closes stdin and waits for ffmpeg to finish the files; throws with ffmpeg's messages if it failed.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        completed = true;
        await input.DisposeAsync();
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg exited with {process.ExitCode}: {Errors()}");
        }
    }

    public void Dispose()
    {
        if (!completed && !process.HasExited)
        {
            process.Kill();
        }

        input.Dispose();
        process.Dispose();
    }

    private string Errors()
    {
        lock (errors)
        {
            return errors.ToString().Trim();
        }
    }
}
