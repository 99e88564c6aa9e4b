using System.Diagnostics;
using System.Globalization;
using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Benchmarks.State;

/// <summary>Time per model call (one 32-sample window, N = 1, one intra-op thread) and per tracker sample.</summary>
internal static class InferenceTiming
{
    public static void Run(MachineStateModel model, int calls)
    {
        var profile = ShiftProfile.Generate(7, TimeSpan.FromSeconds(1));
        var tracker = new MachineStateTracker("timing", model, new MachineStateOptions(), null, new RecordingLogger());
        tracker.Use(MachineCalibration.From(new MachineLevelsOverride { RunningKw = profile.RatedKw * 0.8, IdleKw = profile.IdleKw }, DateTimeOffset.UnixEpoch));
        var window = new float[MachineStateModel.Window];
        for (var i = 0; i < 2000; i++)
        {
            model.Predict(window, 0.2f, 0.05f);
        }

        var perWindow = new List<double>(calls);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            window[i % window.Length] = (float)(profile.Kilowatts[i % profile.Kilowatts.Length] / profile.RatedKw);
            var t0 = Stopwatch.GetTimestamp();
            model.Predict(window, 0.2f, 0.05f);
            perWindow.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls;
        var perSample = new List<double>(calls);
        var start = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < calls; i++)
        {
            var kw = profile.Kilowatts[i % profile.Kilowatts.Length];
            var t0 = Stopwatch.GetTimestamp();
            tracker.Next(start.AddSeconds(i), kw);
            perSample.Add(Stopwatch.GetElapsedTime(t0).TotalMicroseconds);
        }

        var mean = perWindow.Average();
        Console.WriteLine($"Inference time ({calls} calls, Release, ONNX Runtime {typeof(Microsoft.ML.OnnxRuntime.InferenceSession).Assembly.GetName().Version}, 1 intra-op thread, spinning off, {Environment.ProcessorCount} cores shared):");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per window (one model call on 32 samples): mean {mean:0.0} us, p50 {Percentiles.Of(perWindow, 50):0.0} us, p99 {Percentiles.Of(perWindow, 99):0.0} us; managed allocation {allocated:0} bytes/call"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per sample (MachineStateTracker.Next: window build + model): mean {perSample.Average():0.0} us, p99 {Percentiles.Of(perSample, 99):0.0} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  per 1-minute signal window at 1 s samples (60 samples): about {perSample.Average() * 60 / 1000:0.00} ms per machine"));
    }
}
