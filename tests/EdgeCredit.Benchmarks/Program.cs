using System.Globalization;
using EdgeCredit.Benchmarks;

// Benchmarks that print figures. Run in Release: dotnet run -c Release --project tests/EdgeCredit.Benchmarks -- <name> [options]
//   ingest --broker mosquitto|embedded [--devices 50] [--batches 100000] [--signals 10] [--inflight 32] [--rate batches/s, 0 = as fast as accepted] [--preload: queue everything in mosquitto first, then start the collector] [-- extra collector arguments]
//   store [--batches 100000] [--per-transaction 1000] [--synchronous Full|Normal]
//   agent-memory [--seconds 60]
//   backlog [--hours 24] [-- extra agent arguments, e.g. --Publishing:BacklogBatchesPerSecond=200]
//   machine-state [--calls 100000]   (evaluation on ../shared/data/energy + inference time)
//   pulse [--seconds 30]             (CPU of pulse counting at 100 Hz with contact bounce)
//   modbus [--meters 32] [--seconds 60] [--interval-ms 1000]   (polling CPU and schedule jitter against the pymodbus server)
//   capture [--seconds 20] [--width 320] [--stills]   (camera capture: decode+scale to grey per CPU-second at 720p/1080p vs ffmpeg alone;
//                                    --stills: ffmpeg CPU of a camera alone, with a meter's still, and with a meter's own second ffmpeg)
//   vision [--frames 3000]           (per-frame cost of regions + health at 320x180 and 640x360, 3 regions)
//   camera-load [--part all|decode|cameras|latency] [--cameras 1,2,4,6,8] [--seconds 40] [--latency-seconds 300] [--window 5] [--repeats 3]
//                                    (camera figures on rendered scenes: decode+analysis per CPU-second, cameras sustained, RSS with 4, state-change latency)
//   vision --clip FILE [--loops 0]   (conditions and activity the vision stage reports on a real clip, optionally replayed)
//   indicators-replay --series steel|cnc   indicators-bench [--enterprises 10000] [--days 90] [--sqlite-enterprises 100]
//   camera-eval [--out DIR] [--quick] [--trace CLIP/REGION] [--auto-reference] [--set eval|tune] [--vision Key=Value;...] [--frame-trace CLIP/REGION] [--moved-trace CLIP] [--no-people] [--no-mask] [--deblock] [--variant N] [--scenes a,b] (eval-set scenes + real clips through capture + vision, scored against the truth; --quick skips the hour-long scenes)
//   vision-models-eval [--scenes 9] [--set eval|tune] [--seed N | --skip N (development: that scene only, or leave out the first N)] [--out DIR] [--video DIR] [--model item-detector/1]   (output counts and station occupancy on eval-seed scenes vs their truth; real clips vs hand labels)
//   vision-models-bench [--runs 300] [--model item-detector/1]   (detector ms per run and inferences/s on one core, batched vs unbatched crops, frame -> signal latency)
//   warnings-replay [--scenario none|halt|decline|offline] [--planned 2018-08-01..2018-08-05]   (the Steel year through indicators, operating state and warning rules, day by day)
//   profile-api [--enterprises 100] [--rate 200] [--seconds 30]   (credit profile API latency at a fixed request rate, and profile build time)
//   webhook-outage [--minutes 10] [--interval 10]   (webhook events published while the receiver is down, delivered once when it is back)
//   ocr-eval [--set eval|tune] [--per-cell 40] [--sequences 5] [--det-side 640] [--dump DIR]   (meter display OCR: rendered displays, sequences with injected misreads, real digit crops, ms per meter)
var name = args.FirstOrDefault() ?? "help";
string Option(string key, string fallback)
{
    var i = Array.IndexOf(args, "--" + key);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

int Int(string key, int fallback) => int.Parse(Option(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

switch (name)
{
    case "ocr-eval":
        return await new EdgeCredit.Benchmarks.MeterOcr.OcrEvaluation(Option("set", "eval") == "tune" ? EdgeCredit.Scenes.SceneSet.Tune : EdgeCredit.Scenes.SceneSet.Eval, Int("per-cell", 40), Option("dump", string.Empty) is { Length: > 0 } d ? d : null, Int("det-side", EdgeCredit.Agent.Meters.Ocr.MeterOcrDefaults.DetectionSide), Int("sequences", 5)).RunAsync(Console.Out);
    case "warnings-replay":
        return await new EdgeCredit.Benchmarks.Warnings.WarningReplay(Option("scenario", "none"), Option("planned", string.Empty)).RunAsync();
    case "profile-api":
        await new EdgeCredit.Benchmarks.Profiles.ProfileApiBenchmark(Int("enterprises", 100), Int("rate", 200), Int("seconds", 30)).RunAsync();
        break;
    case "webhook-outage":
        await new EdgeCredit.Benchmarks.Webhooks.WebhookOutageBenchmark(TimeSpan.FromMinutes(Int("minutes", 10)), TimeSpan.FromSeconds(Int("interval", 10))).RunAsync();
        break;
    case "ingest":
        await new IngestBenchmark(new IngestSettings(Option("broker", "mosquitto"), Int("devices", 50), Int("batches", 100_000), Int("signals", 10), Int("inflight", 32), Int("rate", 0), args.Contains("--preload"), args.SkipWhile(a => a != "--").Skip(1).ToArray())).RunAsync();
        break;
    case "store":
        new StoreBenchmark(Int("batches", 100_000), Int("per-transaction", 1000), Enum.Parse<EdgeCredit.Collector.Storage.SynchronousMode>(Option("synchronous", "Full"))).Run();
        break;
    case "agent-memory":
        await new AgentMemoryBenchmark(TimeSpan.FromSeconds(Int("seconds", 60))).RunAsync();
        break;
    case "backlog":
        await new BacklogBenchmark(Int("hours", 24), args.SkipWhile(a => a != "--").Skip(1).ToArray()).RunAsync();
        break;
    case "machine-state":
        new MachineStateEvaluation(Int("calls", 100_000)).Run();
        break;
    case "pulse":
        await new PulseBenchmark(TimeSpan.FromSeconds(Int("seconds", 30))).RunAsync();
        break;
    case "modbus":
        await new ModbusBenchmark(Int("meters", 32), TimeSpan.FromSeconds(Int("seconds", 60)), TimeSpan.FromMilliseconds(Int("interval-ms", 1000))).RunAsync();
        break;
    case "capture":
        await new CaptureBenchmark(Int("seconds", 20), Int("width", 320), args.Contains("--stills")).RunAsync();
        break;
    case "vision":
        if (Option("clip", string.Empty) is { Length: > 0 } clip)
        {
            await new VisionClipCheck(clip, Int("loops", 0)).RunAsync();
        }
        else
        {
            new VisionBenchmark(Int("frames", 3000)).Run();
        }

        break;
    case "camera-eval":
    {
        // As the agent runs by default: people found by Detection:Model hide what is behind them (--no-people: motion blobs alone).
        using var catalogue = new EdgeCredit.Agent.Inference.ModelCatalogue(Microsoft.Extensions.Options.Options.Create(new EdgeCredit.Agent.Inference.InferenceOptions()));
        var detection = new EdgeCredit.Agent.Vision.Counting.DetectionOptions();
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.PersonDetector = args.Contains("--no-people") ? null : new EdgeCredit.Agent.Inference.ObjectDetector(catalogue.Get(detection.Model));
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.CommissionReference = !args.Contains("--auto-reference");
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.Deblock = args.Contains("--deblock");
        EdgeCredit.Benchmarks.CameraEvaluation.Variant = int.Parse(Option("variant", "0"), System.Globalization.CultureInfo.InvariantCulture);
        EdgeCredit.Benchmarks.CameraEvaluation.Only = Option("scenes", string.Empty) is { Length: > 0 } only ? only.Split(',') : null;
        var mask = new EdgeCredit.Agent.Vision.VisionOptions().PersonMask;
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.PersonSegmenter = args.Contains("--no-people") || args.Contains("--no-mask") || mask.Length == 0 ? null : new EdgeCredit.Agent.Inference.ImageSegmenter(catalogue.Get(mask));
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.VisionOverrides = Option("vision", string.Empty) is { Length: > 0 } vision ? vision : null;
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.FrameTrace = Option("frame-trace", string.Empty) is { Length: > 0 } frameTrace ? frameTrace : null;
        EdgeCredit.Benchmarks.CameraEval.ClipRunner.MovedTrace = Option("moved-trace", string.Empty) is { Length: > 0 } movedTrace ? movedTrace : null;
        return await new CameraEvaluation(Option("out", Path.Combine(Path.GetTempPath(), Option("set", "eval") == "tune" ? "edgecredit-camera-tune" + (Option("variant", "0") is "0" ? string.Empty : "-v" + Option("variant", "0")) : "edgecredit-camera-eval")), args.Contains("--quick"), Option("video", Path.Combine("..", "shared", "data", "video")), Option("trace", string.Empty) is { Length: > 0 } trace ? trace : null, Option("set", "eval") == "tune" ? EdgeCredit.Scenes.SceneSet.Tune : EdgeCredit.Scenes.SceneSet.Eval).RunAsync(CancellationToken.None);
    }

    case "vision-models-eval":
        return await new EdgeCredit.Benchmarks.ModelsEval.ModelsEvaluation(new(Option("out", Path.Combine(Path.GetTempPath(), "edgecredit-models-eval")), Option("video", Path.Combine("..", "shared", "data", "video")), Option("model", "item-detector/1"), Int("scenes", 9), Option("set", "eval") == "tune" ? EdgeCredit.Scenes.SceneSet.Tune : EdgeCredit.Scenes.SceneSet.Eval, Int("skip", 0), Option("seed", string.Empty) is { Length: > 0 } onlySeed ? int.Parse(onlySeed, CultureInfo.InvariantCulture) : null)).RunAsync(CancellationToken.None);
    case "vision-models-bench":
        new EdgeCredit.Benchmarks.ModelsEval.DetectorBenchmark(Option("model", "item-detector/1"), Int("runs", 300)).Run();
        break;
    case "camera-load":
        await new CameraLoadBenchmark(Option("part", "all"), CameraLoadBenchmark.ParseCounts(Option("cameras", "1,2,4,6,8")), TimeSpan.FromSeconds(Int("seconds", 40)),
            TimeSpan.FromSeconds(Int("latency-seconds", 300)), TimeSpan.FromSeconds(Int("window", 5)), Int("repeats", 3)).RunAsync();
        break;
    case "influx-sink":
        return await new EdgeCredit.Benchmarks.TimeSeriesSink.InfluxSinkBenchmark(Int("points", 1_000_000), Int("outage", 0), Int("rate", 2000), Int("batch-size", 5000)).RunAsync();
    case "indicators-replay" or "indicators-bench":
        return await EdgeCredit.Benchmarks.Indicators.IndicatorVerbs.RunAsync(name, Option);
    default:
        Console.WriteLine("usage: ingest --broker mosquitto|embedded [--devices N] [--batches N] [--signals N] [--inflight N] | store | agent-memory | backlog | machine-state | pulse | modbus | capture | vision [--clip FILE] | camera-eval [--out DIR] [--quick] | camera-load [--part all|decode|cameras|latency]");
        return 2;
}

return 0;
