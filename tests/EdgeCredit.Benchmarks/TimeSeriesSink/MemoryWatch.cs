using System.Diagnostics;

namespace EdgeCredit.Benchmarks.TimeSeriesSink;

/// <summary>Samples this process's managed heap and working set every 250 ms and keeps the peaks since the last <see cref="Reset"/>.</summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakHeap;
    private long _peakWorkingSet;

    public MemoryWatch()
    {
        _loop = SampleAsync(_stop.Token);
    }

    public double PeakHeapMiB => Interlocked.Read(ref _peakHeap) / 1048576.0;

    public double PeakWorkingSetMiB => Interlocked.Read(ref _peakWorkingSet) / 1048576.0;

    public static double HeapMiB => GC.GetTotalMemory(false) / 1048576.0;

    public static double WorkingSetMiB
    {
        get
        {
            using var self = Process.GetCurrentProcess();
            return self.WorkingSet64 / 1048576.0;
        }
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _peakHeap, 0);
        Interlocked.Exchange(ref _peakWorkingSet, 0);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            Max(ref _peakHeap, GC.GetTotalMemory(false));
            using var self = Process.GetCurrentProcess();
            Max(ref _peakWorkingSet, self.WorkingSet64);
        }
    }

    private static void Max(ref long peak, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
        }
    }
}
