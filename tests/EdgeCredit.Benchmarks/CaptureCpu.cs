using System.Diagnostics;
using EdgeCredit.Agent.Capture;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Plays a file camera to the end of <c>frames</c>, handing each frame to <c>onFrame</c> (then disposing it), and
/// measures the ffmpeg child's CPU (from <c>/proc/PID/stat</c>) and this process's CPU between the 10th frame and 10
/// frames before the end, so start-up and probing are left out. The reader itself takes the snapshots: no polling loop
/// adds CPU to the agent side. Used by the capture and camera-load benchmarks.
/// </summary>
internal static class CaptureCpu
{
    public static async Task<CaptureCpuRun> MeasureAsync(FfmpegCamera camera, long frames, Action<CameraFrame>? onFrame = null)
    {
        ArgumentNullException.ThrowIfNull(camera);
        using var stop = new CancellationTokenSource();
        var run = camera.RunAsync(stop.Token);
        var marks = new (long Frames, double Ffmpeg, double Agent, TimeSpan At)[2];
        var clock = Stopwatch.StartNew();
        var reader = Task.Run(async () =>
        {
            long read = 0;
            await foreach (var frame in camera.Frames.ReadAllAsync())
            {
                using (frame)
                {
                    onFrame?.Invoke(frame);
                }

                read++;
                if (read == 10 || read == frames - 10)
                {
                    var pid = camera.FfmpegPid ?? throw new InvalidOperationException("ffmpeg ended before the last mark");
                    marks[read == 10 ? 0 : 1] = (read, ProcStat.CpuSeconds(pid), ProcStat.CpuSeconds(Environment.ProcessId), clock.Elapsed);
                    if (read == frames - 10)
                    {
                        await stop.CancelAsync();
                    }
                }
            }
        });

        await run;
        await reader;
        return new CaptureCpuRun(marks[1].Frames - marks[0].Frames, marks[1].Ffmpeg - marks[0].Ffmpeg, marks[1].Agent - marks[0].Agent,
            (marks[1].At - marks[0].At).TotalSeconds, camera.Counters.Dropped);
    }
}

/// <summary>Frames read between the marks, the CPU seconds of each side and the wall seconds between them.</summary>
internal sealed record CaptureCpuRun(long Frames, double FfmpegCpu, double AgentCpu, double Wall, long Dropped)
{
    public double Cpu => FfmpegCpu + AgentCpu;

    public double PerCpuSecond => Frames / Cpu;
}
