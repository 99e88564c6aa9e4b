using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Scenes;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>
/// Figure 1: a rendered scene decoded by <see cref="FfmpegCamera"/> as fast as it goes (FileRealTime=false, AnalysisFps =
/// the source rate, so every frame is analysed) feeding a <see cref="CameraAnalyzer"/> with the scene's 4 regions on
/// the reading thread. Frames per CPU-second = analysed frames / (ffmpeg child's CPU + this process's CPU), between the
/// 10th frame and 10 frames before the end. Compared with Debian's ffmpeg alone decoding the same file to -f null, with
/// its default threads and with one thread (the cheaper per frame; the ratio uses the faster of the two).
/// </summary>
internal static class DecodeThroughput
{
    public static async Task RunAsync(int analysisWidth, int repeats)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"1. decode + motion + regions per CPU-second: normal-shift (eval seed) H.264 x264 veryfast crf 23, 15 fps; FfmpegCamera FileRealTime=false, AnalysisFps=15, width {analysisWidth} grey; CameraAnalyzer with 4 regions; median of {repeats} runs; {Environment.ProcessorCount} cores"));
        var warm = true;
        foreach (var (width, height, seconds) in new[] { (1280, 720, 60), (1920, 1080, 20) })
        {
            var (video, truth) = await SceneFiles.GetAsync(width, height, 15, seconds);
            if (warm)
            {
                await MeasureAsync(video, truth, analysisWidth); // JIT and tiering of the read and analysis paths
                warm = false;
            }

            var load = SceneFiles.LoadAverage();
            var agent = new List<CaptureCpuRun>();
            var alone = new List<double>();
            var aloneOneThread = new List<double>();
            for (var i = 0; i < repeats; i++)
            {
                agent.Add(await MeasureAsync(video, truth, analysisWidth));
                alone.Add(truth.Frames / await FfmpegAloneAsync(video, string.Empty));
                aloneOneThread.Add(truth.Frames / await FfmpegAloneAsync(video, "-threads 1"));
            }

            var best = agent.OrderBy(r => r.PerCpuSecond).ElementAt(agent.Count / 2);
            var ffmpegAuto = alone.Order().ElementAt(alone.Count / 2);
            var ffmpegOne = aloneOneThread.Order().ElementAt(aloneOneThread.Count / 2);
            var ffmpeg = Math.Max(ffmpegAuto, ffmpegOne); // the stricter reference
            var kbps = new FileInfo(video).Length * 8 / 1000 / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {height}p ({width}x{height}, {truth.Frames} frames, {kbps} kbit/s, load average {load} before):"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    agent decode + motion + regions: {best.PerCpuSecond:F0} frames per CPU-second (ffmpeg {best.FfmpegCpu:F2} s + agent {best.AgentCpu:F2} s for {best.Frames} frames; {best.Frames / best.Wall:F0} frames/s wall), dropped {best.Dropped}; runs {string.Join(", ", agent.Select(r => r.PerCpuSecond.ToString("F0", CultureInfo.InvariantCulture)))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    ffmpeg alone (-i X -f null -):    {ffmpegAuto:F0} frames per CPU-second; runs {string.Join(", ", alone.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    ffmpeg alone, one thread (-threads 1 -i X -f null -): {ffmpegOne:F0} frames per CPU-second; runs {string.Join(", ", aloneOneThread.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    agent / ffmpeg alone (the faster of the two): {100 * best.PerCpuSecond / ffmpeg:F0} % (goal: at least 40 %, i.e. within 60 %{(height == 720 ? ", and at least 250 frames per core" : string.Empty)})"));
        }
    }

    private static async Task<CaptureCpuRun> MeasureAsync(string video, SceneTruth truth, int analysisWidth)
    {
        var options = SceneFiles.Camera("bench", video, truth, truth.Fps, realTime: false, queueCapacity: 64);
        options.AnalysisWidth = analysisWidth;
        using var camera = new FfmpegCamera(options, "/usr/bin/ffmpeg", TimeProvider.System, NullLogger.Instance);
        using var analyzer = new CameraAnalyzer(options, new VisionOptions(), null);
        return await CaptureCpu.MeasureAsync(camera, truth.Frames, analyzer.Process);
    }

    /// <summary>CPU seconds of <c>ffmpeg -i X -f null -</c>: the shell's cutime+cstime after ffmpeg exits.</summary>
    private static async Task<double> FfmpegAloneAsync(string video, string decoderOptions)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"/usr/bin/ffmpeg -hide_banner -loglevel error -nostdin {decoderOptions} -i \"$1\" -f null - || exit 1; cat /proc/$$/stat");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(video);
        using var shell = Process.Start(info)!;
        var stat = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed on " + video);
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0;
    }

}
