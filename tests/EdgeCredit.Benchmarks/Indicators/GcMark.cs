using System.Globalization;

namespace EdgeCredit.Benchmarks.Indicators;

/// <summary>The collector's garbage-collection counters at one moment; <see cref="Since"/> words what happened in between.</summary>
internal readonly record struct GcMark(TimeSpan Paused, int Gen0, int Gen1, int Gen2, TimeSpan Cpu)
{
    public static GcMark Now() => new(
        GC.GetTotalPauseDuration(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime);

    public string Since(GcMark start) => string.Create(
        CultureInfo.InvariantCulture,
        $"paused {(Paused - start.Paused).TotalSeconds:F3} s; collections gen0 {Gen0 - start.Gen0}, gen1 {Gen1 - start.Gen1}, gen2 {Gen2 - start.Gen2}; process CPU {(Cpu - start.Cpu).TotalSeconds:F3} s");
}
