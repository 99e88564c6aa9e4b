using System.Diagnostics;

namespace EdgeCredit.Agent.Tests.Capture;

/// <summary>
/// Small H.264 clips rendered by ffmpeg (testsrc2: moving pattern, counter, colour bars) into a temp folder, once per
/// test run; no media is committed.
/// </summary>
internal static class TestClips
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "edgecredit-capture-clips", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>640x360, 10 fps, 5 s, a key frame every second.</summary>
    public static Task<string> Clip640Async() => RenderAsync("testsrc2-640x360-10fps-5s.mp4", "testsrc2=size=640x360:rate=10", 5, 10);

    public static async Task<string> RenderAsync(string name, string source, int seconds, int keyInterval)
    {
        await Gate.WaitAsync();
        try
        {
            var path = Path.Combine(Folder, name);
            if (File.Exists(path))
            {
                return path;
            }

            Directory.CreateDirectory(Folder);
            var partial = path + ".part.mp4";
            using var ffmpeg = Process.Start("/usr/bin/ffmpeg", ["-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-f", "lavfi", "-i", source,
                "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "veryfast",
                "-g", keyInterval.ToString(System.Globalization.CultureInfo.InvariantCulture), "-pix_fmt", "yuv420p", partial]);
            await ffmpeg.WaitForExitAsync();
            Assert.True(ffmpeg.ExitCode == 0, $"ffmpeg could not render {name} (apt-get install ffmpeg)");
            File.Move(partial, path);
            return path;
        }
        finally
        {
            Gate.Release();
        }
    }
}
