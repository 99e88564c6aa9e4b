using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Capture;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Capture cost: an <see cref="FfmpegCamera"/> decoding an H.264 file (rendered with ffmpeg's testsrc2, 30 fps) as fast as
/// it can (FileRealTime=false, AnalysisFps = the source rate, so nothing is skipped) to grey frames of the analysis
/// width, read and disposed by the agent side. Frames per CPU-second = frames / (ffmpeg child's CPU from
/// /proc/PID/stat + this process's CPU), measured between the 10th frame and 10 frames before the end (start-up and
/// probing excluded). For comparison, Debian's ffmpeg alone on the same file: decode only (<c>-f null -</c>), and the
/// same decode + fps + scale + grey chain into /dev/null; their CPU is the shell's cutime+cstime after ffmpeg exits.
/// </summary>
/// <remarks>
/// With <c>--stills</c>: what a meter read by OCR costs on a camera that is analysed anyway. ffmpeg's CPU for the camera's
/// own command line (analysis frames at 5 fps, 320 px), the same with one still for the meter (1280 px every 15 s, as a
/// 30-s read interval asks), and the camera's command line plus a second ffmpeg of the meter's own (what a meter with
/// its own Url runs); each decoding the whole file as fast as it can, the raw frames into /dev/null.
/// </remarks>
internal sealed class CaptureBenchmark(int seconds, int analysisWidth, bool stills = false)
{
    private const int Fps = 30;

    public async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgecredit-capture-bench");
        Directory.CreateDirectory(folder);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"capture: H.264 testsrc2 {seconds} s at {Fps} fps per size; analysis {analysisWidth} px wide grey; {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        var first = true;
        foreach (var (width, height) in new[] { (1280, 720), (1920, 1080) })
        {
            var clip = await RenderAsync(folder, width, height);
            if (stills)
            {
                await MeasureStillsAsync(clip, height);
                continue;
            }

            var frames = seconds * Fps;
            if (first)
            {
                await MeasureCameraAsync(clip, Math.Min(frames, 200)); // warm-up: JIT and tiering of the read path
                first = false;
            }

            var agent = await MeasureCameraAsync(clip, frames);
            var decodeOnly = await MeasureFfmpegAsync(["-i", clip, "-f", "null", "-"]);
            var sameChain = await MeasureFfmpegAsync(["-y", "-i", clip, "-an", "-vf", $"fps={Fps},scale={analysisWidth}:-2:flags=area", "-pix_fmt", "gray", "-f", "rawvideo", "/dev/null"]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {height}p:"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    agent capture (ffmpeg child + reading): {agent.Frames / agent.Cpu:F0} frames per CPU-second (ffmpeg {agent.FfmpegCpu:F2} s + agent {agent.AgentCpu:F2} s for {agent.Frames} frames), {agent.Frames / agent.Wall:F0} frames/s wall, dropped {agent.Dropped}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    ffmpeg alone, decode to -f null:       {frames / decodeOnly.Cpu:F0} frames per CPU-second ({decodeOnly.Cpu:F2} s CPU, {frames / decodeOnly.Wall:F0} frames/s wall)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    ffmpeg alone, same chain to /dev/null: {frames / sameChain.Cpu:F0} frames per CPU-second ({sameChain.Cpu:F2} s CPU, {frames / sameChain.Wall:F0} frames/s wall)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    agent capture / ffmpeg decode alone: {100 * (agent.Frames / agent.Cpu) / (frames / decodeOnly.Cpu):F0} %"));
        }
    }

    private async Task<string> RenderAsync(string folder, int width, int height)
    {
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"testsrc2-{height}p-{Fps}fps-{seconds}s.mp4"));
        if (!File.Exists(path))
        {
            await MeasureFfmpegAsync(["-y", "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc2=size={width}x{height}:rate={Fps}"),
                "-t", seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "libx264", "-preset", "veryfast", "-g", "60", "-pix_fmt", "yuv420p", path + ".part.mp4"]);
            File.Move(path + ".part.mp4", path);
        }

        return path;
    }

    private async Task MeasureStillsAsync(string clip, int height)
    {
        var still = Path.Combine(Path.GetTempPath(), "edgecredit-capture-bench", "meter-still.pgm");
        var camera = new CameraOptions { Name = "bench", Url = clip, FileRealTime = false, AnalysisFps = 5, AnalysisWidth = analysisWidth };
        var meter = new CameraOptions { Name = "meter", Url = clip, FileRealTime = false, AnalysisFps = 2 / 30.0, AnalysisWidth = 1280, SkipDeblocking = false };
        var alone = await MeasureFfmpegAsync(ToNull(FfmpegArguments.For(camera)));
        var shared = await MeasureFfmpegAsync(ToNull(FfmpegArguments.For(camera, [new CameraStillOutput(still, 2 / 30.0, 1280)])));
        var own = await MeasureFfmpegAsync(ToNull(FfmpegArguments.For(meter)));
        File.Delete(still);
        double PerMinute(double cpu) => cpu * 60 / seconds; // CPU-seconds per minute of video
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {height}p, CPU-seconds per minute of video (% of one core at real time):"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    camera alone (5 fps, {analysisWidth} px, deblocking skipped): {PerMinute(alone.Cpu):F1} s ({100 * alone.Cpu / seconds:F0} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    camera + meter still from the same ffmpeg (deblocking kept): {PerMinute(shared.Cpu):F1} s ({100 * shared.Cpu / seconds:F0} %)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    camera + the meter's own ffmpeg (second decode): {PerMinute(alone.Cpu + own.Cpu):F1} s ({100 * (alone.Cpu + own.Cpu) / seconds:F0} %; the meter's ffmpeg {PerMinute(own.Cpu):F1} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    the meter costs {PerMinute(shared.Cpu - alone.Cpu):F1} s shared vs {PerMinute(own.Cpu):F1} s with its own ffmpeg"));
    }

    /// <summary>The agent's command line with the raw frames written to /dev/null instead of the pipe, overwriting.</summary>
    private static List<string> ToNull(IReadOnlyList<string> arguments) =>
        ["-y", .. arguments.Where(a => a is not ("-hide_banner" or "-nostdin" or "-nostats" or "-loglevel" or "info")).Select(a => a == "pipe:1" ? "/dev/null" : a)];

    private async Task<CaptureCpuRun> MeasureCameraAsync(string clip, int frames)
    {
        var options = new CameraOptions { Name = "bench", Url = clip, FileRealTime = false, AnalysisFps = Fps, AnalysisWidth = analysisWidth, QueueCapacity = 64 };
        using var camera = new FfmpegCamera(options, "/usr/bin/ffmpeg", TimeProvider.System, NullLogger.Instance);
        return await CaptureCpu.MeasureAsync(camera, frames);
    }

    /// <summary>Runs ffmpeg under a shell that prints its own /proc stat afterwards: cutime + cstime is ffmpeg's exact CPU.</summary>
    private static async Task<(double Cpu, double Wall)> MeasureFfmpegAsync(IEnumerable<string> arguments)
    {
        var quoted = string.Join(' ', arguments.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"/usr/bin/ffmpeg -hide_banner -loglevel error -nostdin {quoted} || exit 1; cat /proc/$$/stat");
        var clock = Stopwatch.StartNew();
        using var shell = Process.Start(info)!;
        var stat = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed: " + quoted);
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var cutime = long.Parse(fields[13], CultureInfo.InvariantCulture); // field 16
        var cstime = long.Parse(fields[14], CultureInfo.InvariantCulture); // field 17
        return ((cutime + cstime) / 100.0, wall);
    }
}
