using System.Diagnostics;
using System.Threading.Channels;
using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Vision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeCredit.Benchmarks.CameraEval;

/// <summary>
/// Plays one video file once through the agent's own pieces: an <see cref="FfmpegCamera"/> (file source,
/// FileRealTime false, so it decodes faster than real time) feeding a <see cref="CameraAnalyzer"/>.
/// <para>Time: the capture stamps frames with the wall clock when they arrive, which is meaningless faster than real
/// time. Each frame is therefore copied into a new <see cref="CameraFrame"/> stamped <c>Start + Index / fps</c> (the
/// capture's Index counts every decoded frame, dropped ones too, so a drop leaves a gap rather than shifting time).
/// The reference is commissioned from the clip's first frame (<see cref="SceneReference.FromFrame"/>, as the
/// commissioning tool does), so moved and defocused are judged against the installed view from the first second.</para>
/// <para>The capture loop would restart a file after its end; the reconnect wait is set to one minute and the run is
/// cancelled as soon as the end of stream (link Offline) is seen and the queue is drained.</para>
/// </summary>
internal static class ClipRunner
{
    /// <summary>Clip second 0 (a whole second, so clip seconds are analyzer seconds).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    /// <summary>False: no commissioned reference; the analyzer adopts one after AutoReferenceAfter (the agent's default without commissioning).</summary>
    public static bool CommissionReference { get; set; } = true;

    /// <summary>Development only (<c>--vision Key=Value;Key=Value</c>, e.g. <c>EnterFor=00:00:06;ExitFor=00:00:03</c>): any <see cref="VisionOptions"/> overridden, bound as configuration is, to tune on the tune set.</summary>
    public static string? VisionOverrides { get; set; }

    /// <summary><c>--deblock</c>: decode with the H.264 deblocking filter, as before <see cref="CameraOptions.SkipDeblocking"/> (comparison only).</summary>
    public static bool Deblock { get; set; }

    /// <summary>Development only (<c>--frame-trace CLIP/REGION</c>, <c>CLIP/*</c> or <c>*</c>): each frame's region evidence to stderr.</summary>
    public static string? FrameTrace { get; set; }

    /// <summary>Development only (<c>--moved-trace CLIP</c>): the moved check's measures once a second to stderr.</summary>
    public static string? MovedTrace { get; set; }

    /// <summary>
    /// People found by this detector (the agent's default <c>Detection:Model</c>) hide what is behind them, as in the
    /// agent (<c>Vision:HidePeople</c>); null (<c>--no-people</c>): motion blobs alone.
    /// </summary>
    public static Agent.Inference.ObjectDetector? PersonDetector { get; set; }

    /// <summary>
    /// With <see cref="PersonDetector"/>: the person-mask model (the agent's default <c>Vision:PersonMask</c>) hides only the
    /// bodies; null (<c>--no-mask</c>): the whole box under each person.
    /// </summary>
    public static Agent.Inference.ImageSegmenter? PersonSegmenter { get; set; }

    /// <summary>Mask runs and their inference time, over every clip so far.</summary>
    public static (long Runs, TimeSpan Time) MaskCost { get; private set; }

    /// <summary>Detector runs for people, the frames analysed and the inference time, over every clip so far.</summary>
    public static (long Runs, long Frames, TimeSpan Time) PeopleCost { get; private set; }

    public static async Task<ClipObservation> RunAsync(string name, string path, IReadOnlyList<RegionOptions> regions, double fps, CancellationToken cancellationToken)
    {
        var camera = new CameraOptions
        {
            Name = name,
            Url = Path.GetFullPath(path),
            AnalysisFps = fps,
            AnalysisWidth = 320,
            FileRealTime = false,
            SkipDeblocking = !Deblock,
            QueueCapacity = 20_000, // a file is decoded faster than it is analysed: hold a whole hour at 5 fps (up to ~1.2 GB at 320x180) rather than drop
            ReconnectMin = TimeSpan.FromMinutes(1),
            ReconnectMax = TimeSpan.FromMinutes(1),
        };
        foreach (var region in regions)
        {
            camera.Regions.Add(region);
        }

        var stopwatch = Stopwatch.StartNew();
        var options = new VisionOptions();
        if (VisionOverrides is { } overrides)
        {
            var values = overrides.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => VisionOptions.SectionName + ":" + p[0], p => (string?)p[1]);
            new ConfigurationBuilder().AddInMemoryCollection(values).Build()
                .GetSection(VisionOptions.SectionName).Bind(options);
        }

        var conditions = new List<(CameraConditionRecord Record, double ReportedAt)>();
        CameraAnalyzer? analyzer = null;
        long frames = 0;
        var size = (Width: 0, Height: 0);
        using var feed = new FfmpegCamera(camera, "/usr/bin/ffmpeg", TimeProvider.System, NullLogger.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = feed.RunAsync(stop.Token);
        var ended = WaitForOfflineAsync(feed.LinkChanges, stop.Token);
        try
        {
            var reader = feed.Frames;
            while (true)
            {
                var finished = ended.IsCompleted;
                while (reader.TryRead(out var raw))
                {
                    if (ended.IsCompleted && !stop.IsCancellationRequested)
                    {
                        // The file has ended: stop the capture so that no reconnect plays it again while the analysis,
                        // on a loaded machine, is still more than ReconnectMin behind (it replayed an hour 4 and 12
                        // times). Frames already queued stay readable.
                        await stop.CancelAsync();
                    }

                    using (raw)
                    {
                        var at = Start + TimeSpan.FromTicks((long)Math.Round(raw.Index * TimeSpan.TicksPerSecond / fps));
                        using var frame = new CameraFrame(raw.Camera, raw.Index, at, raw.Width, raw.Height);
                        raw.Pixels.CopyTo(frame.Pixels);
                        size = (frame.Width, frame.Height);
                        analyzer ??= new CameraAnalyzer(camera, options, CommissionReference ? SceneReference.FromFrame(frame.Pixels, frame.Width, frame.Height, at) : null)
                        {
                            People = PersonDetector is null ? null : PeopleFinder(),
                            Mask = PersonDetector is null || PersonSegmenter is null ? null : new PeopleMask(PersonSegmenter),
                        };
                        analyzer.Process(frame);
                        frames++;
                        DebugTrace(name, analyzer, at);
                        var seconds = (at - Start).TotalSeconds;
                        conditions.AddRange(analyzer.TakeConditionChanges().Select(c => (c, seconds)));
                    }
                }

                if (finished)
                {
                    break; // Offline was published after the run's last frame was queued, and the queue is now empty
                }

                await Task.WhenAny(reader.WaitToReadAsync(stop.Token).AsTask(), ended);
            }

            var endReason = await ended;
            if (analyzer?.People is { } people)
            {
                PeopleCost = (PeopleCost.Runs + people.Runs, PeopleCost.Frames + frames, PeopleCost.Time + people.InferenceTime);
            }

            if (analyzer?.Mask is { } mask)
            {
                MaskCost = (MaskCost.Runs + mask.Runs, MaskCost.Time + mask.InferenceTime);
            }

            // The agent's loop hands the capture's Offline change to the analyzer (VisionService): the regions settle
            // their tails on the evidence they have, as they would when a live camera drops.
            analyzer?.SetLink(new CameraLinkChange(name, CameraLinkState.Offline, Start + TimeSpan.FromTicks((long)Math.Round(frames * TimeSpan.TicksPerSecond / fps)), endReason));
            return Observe(analyzer, conditions, new ClipObservation(name, frames, feed.Counters.Dropped, size.Width, size.Height, 0, new Dictionary<string, SecondFlags[]>(), [], 0, 0, endReason, stopwatch.Elapsed), fps);
        }
        finally
        {
            await stop.CancelAsync();
            await run;
            analyzer?.Dispose();
        }
    }

    private static ClipObservation Observe(CameraAnalyzer? analyzer, List<(CameraConditionRecord Record, double ReportedAt)> changes, ClipObservation empty, double fps)
    {
        if (analyzer is null)
        {
            return empty;
        }

        var seconds = (int)Math.Ceiling(empty.Frames / fps);
        var window = analyzer.Collect(Start, Start.AddSeconds(seconds));
        var first = Start.ToUnixTimeSeconds();
        var regions = new Dictionary<string, SecondFlags[]>(StringComparer.Ordinal);
        foreach (var region in analyzer.Regions)
        {
            region.FlushBefore(long.MaxValue); // decide the last second, as the next frame would
            regions[region.Settings.Name] = [.. Enumerable.Range(0, seconds).Select(s => region.Timeline.Get(first + s))];
        }

        var episodes = new List<ConditionEpisode>();
        foreach (var (record, reportedAt) in changes)
        {
            var since = (record.Since - Start).TotalSeconds;
            if (record.Until is null)
            {
                episodes.Add(new ConditionEpisode(record.Condition, since, reportedAt, null, record.Confidence));
                continue;
            }

            var open = episodes.FindLastIndex(e => e.Condition == record.Condition && e.Until is null);
            var until = (record.Until.Value - Start).TotalSeconds;
            if (open >= 0)
            {
                episodes[open] = episodes[open] with { Until = until, Confidence = record.Confidence };
            }
            else
            {
                episodes.Add(new ConditionEpisode(record.Condition, since, reportedAt, until, record.Confidence));
            }
        }

        return empty with { Seconds = seconds, Regions = regions, Conditions = episodes, HealthySeconds = window.HealthySeconds, KnownSeconds = window.KnownSeconds };
    }

    /// <summary>The development traces (<see cref="MovedTrace"/>, <see cref="FrameTrace"/>) to stderr.</summary>
    private static PersonFinder PeopleFinder()
    {
        var detection = new Agent.Vision.Counting.DetectionOptions();
        return new PersonFinder(PersonDetector!, detection.PersonLabel, new Agent.Inference.DetectionSettings((float)detection.MinScore, (float)detection.NmsIoU), detection.MaxFps);
    }

    private static string People(CameraAnalyzer analyzer, DateTimeOffset at) =>
        analyzer.People is { } people && people.FoundAt == at
            ? " people " + string.Join(' ', people.People.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{p.X0:F0},{p.Y0:F0},{p.X1:F0},{p.Y1:F0} {p.Score:F2}]")))
            : string.Empty;

    private static void DebugTrace(string name, CameraAnalyzer analyzer, DateTimeOffset at)
    {
        if (MovedTrace == name && analyzer.Monitor?.Moved is { } moved && at.Millisecond == 0)
        {
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(at - Start).TotalSeconds,6:F1} corr {moved.Last.Correlation:F3} shift {moved.Last.Shift:F2} resp {moved.Last.Response:F3}"));
        }

        var want = FrameTrace;
        if (want is null || !(want == "*" || want.StartsWith(name + "/", StringComparison.Ordinal)))
        {
            return;
        }

        foreach (var region in analyzer.Regions.Where(r => want == "*" || want.EndsWith("/*", StringComparison.Ordinal) || r.Settings.Name == want[(name.Length + 1)..]))
        {
            Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name} {region.Settings.Name} {(at - Start).TotalSeconds,6:F1} conf {region.Motion.ConfinedShare,6:F3} pass {(region.Motion.Passing ? 1 : 0)} vis {region.Motion.VisibleShare:F2} part {region.Motion.PartVisibleShare:F2} hid {(region.Motion.Hidden ? 1 : 0)} run {(region.Running ? 1 : 0)}{People(analyzer, at)}"));
        }
    }

    private static async Task<string> WaitForOfflineAsync(ChannelReader<CameraLinkChange> links, CancellationToken cancellationToken)
    {
        await foreach (var change in links.ReadAllAsync(cancellationToken))
        {
            if (change.State == CameraLinkState.Offline)
            {
                return change.Reason;
            }
        }

        return "link changes ended";
    }
}
