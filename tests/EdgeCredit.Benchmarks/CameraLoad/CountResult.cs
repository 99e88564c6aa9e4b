using System.Globalization;

namespace EdgeCredit.Benchmarks.CameraLoad;

/// <summary>One agent run of <see cref="CameraCount"/>: per camera decoded, dropped and analysed rate; CPU and memory.</summary>
internal sealed record CountResult(
    IReadOnlyList<(string Camera, long Decoded, long Dropped, double Rate)> Cameras,
    double CpuPercent,
    string LoadAverage,
    double RssMedian,
    double RssMax,
    double Peak,
    double ChildrenRss,
    int ErrorLines)
{
    /// <summary>Nothing dropped and every camera analysing at least 95 % of 5 frames/s.</summary>
    public bool Held => Cameras.Count > 0 && Cameras.All(c => c.Dropped == 0 && c.Rate >= 4.75);

    public string Describe(int n) => string.Create(CultureInfo.InvariantCulture,
        $"  N={n}: {(Held ? "holds" : "FAILS")}; CPU {CpuPercent:F0} % of one core (agent + ffmpeg children, {CpuPercent / Environment.ProcessorCount:F0} % of the box); " +
        $"analysed frames/s per camera min {(Cameras.Count > 0 ? Cameras.Min(c => c.Rate) : 0):F2} max {(Cameras.Count > 0 ? Cameras.Max(c => c.Rate) : 0):F2}; dropped {Cameras.Sum(c => c.Dropped)} of {Cameras.Sum(c => c.Decoded)} decoded; " +
        $"RSS steady median {RssMedian:F1} MiB, max {RssMax:F1} MiB, peak VmHWM {Peak:F1} MiB; ffmpeg children RSS (sum, steady median) {ChildrenRss:F1} MiB; counters from {Cameras.Count} cameras; error lines {ErrorLines}; load average {LoadAverage} at start");
}
