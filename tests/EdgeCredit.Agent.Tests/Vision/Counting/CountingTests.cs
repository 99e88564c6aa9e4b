using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Vision;
using EdgeCredit.Agent.Vision.Counting;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Vision.Counting;

/// <summary>Tracker, line counter and station occupancy on hand-built detections (no model): 320x180 frames at 5 fps.</summary>
public sealed class CountingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly CountingLine Vertical = new(0.5, 0, 0.5, 1); // x = 160 px at 320 wide

    [Fact]
    public void Observe_ItemCrossesLine_CountsOnce()
    {
        var (tracker, counter) = Make(CountDirection.Any);

        var counts = Run(tracker, counter, Enumerable.Range(0, 30).Select(i => (double)(120 + (3 * i))));

        Assert.Equal(1, counts);
    }

    [Fact]
    public void Observe_BoxJittersOnTheLine_NeverCounts()
    {
        var (tracker, counter) = Make(CountDirection.Any);

        // A stopped belt: the box's centre flickers a pixel either side of the line for 20 s.
        var counts = Run(tracker, counter, Enumerable.Range(0, 100).Select(i => 160 + (i % 2 == 0 ? 1.2 : -1.2)));

        Assert.Equal(0, counts);
    }

    [Fact]
    public void Observe_ItemGoesBackAndForthAcrossLine_CountsOnce()
    {
        var (tracker, counter) = Make(CountDirection.Any);
        var path = Enumerable.Range(0, 20).Select(i => 130.0 + (3 * i))        // over the line
            .Concat(Enumerable.Range(0, 20).Select(i => 190.0 - (3 * i)))         // back
            .Concat(Enumerable.Range(0, 20).Select(i => 130.0 + (3 * i)));        // over again

        Assert.Equal(1, Run(tracker, counter, path));
    }

    [Theory]
    [InlineData("Forward", 1, 0)]
    [InlineData("Reverse", 0, 1)]
    [InlineData("Any", 1, 1)]
    public void Observe_Direction_CountsOnlyTheConfiguredWay(string way, int leftToRight, int rightToLeft)
    {
        var direction = Enum.Parse<CountDirection>(way);
        var (t1, c1) = Make(direction);
        var (t2, c2) = Make(direction);

        Assert.Equal(leftToRight, Run(t1, c1, Enumerable.Range(0, 30).Select(i => 120.0 + (3 * i))));
        Assert.Equal(rightToLeft, Run(t2, c2, Enumerable.Range(0, 30).Select(i => 200.0 - (3 * i))));
    }

    [Fact]
    public void Update_TwoItemsSideBySide_KeepTheirIdsThroughAMissedFrame()
    {
        var tracker = new ObjectTracker(0.2, TimeSpan.FromSeconds(2));
        var first = tracker.Update([Item(100), Item(140)], T0);
        tracker.Update([], T0.AddSeconds(0.2)); // the detector missed both once
        var third = tracker.Update([Item(104), Item(144)], T0.AddSeconds(0.4));

        Assert.Equal(first.Select(t => t.Id).Order(), third.Select(t => t.Id).Order());
        Assert.Equal(2, tracker.Tracks.Count);
        Assert.All(third, t => Assert.Equal(10, t.VelocityX, 3));
    }

    [Fact]
    public void Update_TrackUnseenLongerThanTimeout_EndsAndANewIdStarts()
    {
        var tracker = new ObjectTracker(0.2, TimeSpan.FromSeconds(2));
        var before = tracker.Update([Item(100)], T0)[0].Id;
        for (var i = 1; i <= 15; i++)
        {
            tracker.Update([], T0.AddSeconds(i * 0.2)); // the detector runs (something moves) but does not see it
        }

        var after = tracker.Update([Item(100)], T0.AddSeconds(3.2))[0].Id;

        Assert.NotEqual(before, after);
        Assert.Single(tracker.Tracks);
    }

    [Fact]
    public void Observe_BeltStopsWithTheCentreJustPastTheLine_CountsWhenItHasStayedThere()
    {
        var (tracker, counter) = Make(CountDirection.Any);
        var counts = new List<int>();

        // Up to the line, then the belt stops with the centre 1.3 px past it (inside the margin of 16/6 px) for 20 s,
        // while the detector keeps running (people move elsewhere).
        var path = Enumerable.Range(0, 10).Select(i => 141.0 + (2 * i)).Concat(Enumerable.Repeat(161.3, 100));
        var i = 0;
        foreach (var x in path)
        {
            counts.Add(counter.Observe(tracker.Update([Item(x)], T0.AddSeconds(i++ * 0.2)), 320, 180));
        }

        Assert.Equal(1, counts.Sum());
        var countedAt = counts.IndexOf(1);
        Assert.Equal(10 + LineCounter.SettleObservations - 1, countedAt); // the 5th observation past the line, 1 s after it stopped
    }

    [Fact]
    public void Observe_BeltStopsWithTheCentreATenthOfAPixelPastTheLine_WaitsForTheBelt()
    {
        var (tracker, counter) = Make(CountDirection.Any);

        var counts = Run(tracker, counter, Enumerable.Range(0, 10).Select(i => 141.0 + (2 * i)).Concat(Enumerable.Repeat(160.3, 100)));

        Assert.Equal(0, counts);
    }

    [Fact]
    public void Observe_BeltStopsWithTheCentreJustBeforeTheLine_DoesNotCount()
    {
        var (tracker, counter) = Make(CountDirection.Any);

        var counts = Run(tracker, counter, Enumerable.Range(0, 10).Select(i => 140.0 + (2 * i)).Concat(Enumerable.Repeat(158.8, 100)));

        Assert.Equal(0, counts);
    }

    [Fact]
    public void Observe_BeltStopsWithItemOnTheLineThenRestarts_CountsOnce()
    {
        var (tracker, counter) = Make(CountDirection.Any);
        var total = 0;
        var at = T0;
        foreach (var x in Enumerable.Range(0, 12).Select(i => 140.0 + (2 * i)))
        {
            total += counter.Observe(tracker.Update([Item(x)], at), 320, 180);
            at = at.AddSeconds(0.2);
        }

        // The belt stood still for 20 s with the item's centre on the line: the motion gate ran no detector, so the
        // tracker was not updated. Then the belt moves on.
        at = at.AddSeconds(20);
        foreach (var x in Enumerable.Range(0, 12).Select(i => 163.0 + (2 * i)))
        {
            total += counter.Observe(tracker.Update([Item(x)], at), 320, 180);
            at = at.AddSeconds(0.2);
        }

        Assert.Equal(1, total);
        Assert.Single(tracker.Tracks);
    }

    [Fact]
    public void Collect_StationWithShortGap_HysteresisBridgesItAndBackdatesBothEnds()
    {
        var counter = new RegionCounter("desk-1", RegionKind.Station, new byte[320 * 180], 320, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), null, 600);
        // Seconds 0-9: nobody; 10-19 one person; 20 nobody (a missed second); 21-29 two people; 30-59 nobody. 5 frames a second.
        for (var s = 0; s < 60; s++)
        {
            var people = s is >= 10 and < 20 ? 1 : s is >= 21 and < 30 ? 2 : 0;
            for (var f = 0; f < 5; f++)
            {
                counter.Observe(T0.AddSeconds(s + (f * 0.2)), people, 0);
            }
        }

        counter.Observe(T0.AddSeconds(60), 0, 0);
        var from = T0.ToUnixTimeSeconds();
        var window = counter.Collect(from, from + 60);

        Assert.Equal(60, window.ObservedSeconds);
        Assert.Equal(20, window.OccupiedSeconds);                     // 10..29: entry and exit backdated, the gap bridged
        Assert.Equal(((10 * 1) + (9 * 2)) / 60.0, window.PeopleAverage, 6);
        Assert.Equal(10, counter.Collect(from + 10, from + 20).OccupiedSeconds);
    }

    [Fact]
    public void Forget_SecondsFoundToBeAReplay_TheirCountsWithdrawnAndTheyAreNoLongerObserved()
    {
        var counter = new RegionCounter("belt-1", RegionKind.Conveyor, new byte[320 * 180], 320, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), null, 600);
        // One item a second for 30 s, 5 frames a second; the seconds 20-29 turn out to have been a replay.
        for (var s = 0; s < 30; s++)
        {
            for (var f = 0; f < 5; f++)
            {
                counter.Observe(T0.AddSeconds(s + (f * 0.2)), 0, f == 0 ? 1 : 0);
            }
        }

        var from = T0.ToUnixTimeSeconds();
        counter.Forget(from + 20, from + 30);
        var window = counter.Collect(from, from + 30);

        Assert.Equal(20, window.ObservedSeconds);
        Assert.Equal(20, window.Count);
        Assert.Equal(20, counter.Total);
        Assert.Equal(0, counter.Collect(from + 20, from + 30).ObservedSeconds);
    }

    [Fact]
    public void ToSignals_CountingWindows_OutputCountForConveyorOccupancyAndPeopleForStation()
    {
        var window = new CameraWindow("cam-1", T0, T0.AddMinutes(1), [], 60, 60, [],
            [new CountingWindow("belt-1", RegionKind.Conveyor, 60, 7, 0, 0), new CountingWindow("desk-1", RegionKind.Station, 50, 0, 31, 0.8)]);

        var signals = CameraWindowContributor.ToSignals(window).ToArray();

        var output = Assert.Single(signals, s => s.Kind == SignalKind.OutputCount);
        Assert.Equal(("belt-1", 7.0, SignalQuality.Good), (output.Source, output.Value, output.Quality));
        var occupied = Assert.Single(signals, s => s.Kind == SignalKind.OccupiedSeconds);
        Assert.Equal(("desk-1", 31.0, SignalQuality.Gap), (occupied.Source, occupied.Value, occupied.Quality));
        Assert.Equal(0.8, Assert.Single(signals, s => s.Kind == SignalKind.PeoplePresent).Value);
    }

    [Fact]
    public void Observe_ItemAlsoBoxedWithAWorkersFoot_CountsOnce()
    {
        // Tune seed 1803: beside a walking worker the detector boxes an item twice, tight (14x11) and with the foot
        // (24x18, scoring higher); per-class NMS keeps both (IoU 0.36). Sometimes only the large box comes.
        var (tracker, counter) = Make(CountDirection.Any);
        var total = 0;
        for (var i = 0; i < 30; i++)
        {
            var x = 120 + (3 * i);
            var tight = new Detection(0, "item", 0.5f, x - 7, 140, x + 7, 151);
            var withFoot = new Detection(0, "item", 0.56f, x - 14, 136, x + 10, 154);
            List<Detection> found = i < 5 ? [tight] : i % 3 == 0 ? [withFoot] : [withFoot, tight];
            var seen = tracker.Update(CameraCounting.Unnested(found, 0), T0.AddSeconds(i * 0.2));
            total += counter.Observe(seen, 320, 180);
            counter.Forget(tracker.Tracks);
        }

        Assert.Equal(1, total);
        Assert.Single(tracker.Tracks);
    }

    [Fact]
    public void Unnested_BoxInsideABetterOne_DroppedOthersKept()
    {
        var item = new Detection(0, "item", 0.8f, 100, 140, 116, 156);
        var around = new Detection(0, "item", 0.6f, 96, 136, 122, 160); // holds the whole item: the same one again
        var beside = new Detection(0, "item", 0.7f, 112, 140, 128, 156); // half over it: a second item touching it
        var person = new Detection(1, "person", 0.9f, 80, 40, 140, 170); // another label: never a duplicate of an item

        var kept = CameraCounting.Unnested([around, person, beside, item], 0);

        Assert.Equal([item, beside], kept);
    }

    [Fact]
    public void TryParse_BadLine_Refused()
    {
        Assert.False(CountingLine.TryParse("0.5,0", out _, out var one));
        Assert.Contains("two different points", one, StringComparison.Ordinal);
        Assert.False(CountingLine.TryParse("0.5,0 1.5,1", out _, out var outside));
        Assert.Contains("0 to 1", outside, StringComparison.Ordinal);
        Assert.True(CountingLine.TryParse("0.5,0 0.5,1", out var line, out _));
        Assert.True(line!.Side(10, 90, 320, 180) > 0); // left of a top-to-bottom line: forward crossings start here
    }

    private static (ObjectTracker Tracker, LineCounter Counter) Make(CountDirection direction) =>
        (new ObjectTracker(0.2, TimeSpan.FromSeconds(2)), new LineCounter(Vertical, direction, 2));

    private static int Run(ObjectTracker tracker, LineCounter counter, IEnumerable<double> centres)
    {
        var total = 0;
        var i = 0;
        foreach (var x in centres)
        {
            var seen = tracker.Update([Item(x)], T0.AddSeconds(i++ * 0.2));
            total += counter.Observe(seen, 320, 180);
            counter.Forget(tracker.Tracks);
        }

        return total;
    }

    private static Detection Item(double centreX) => new(0, "item", 0.9f, (float)centreX - 8, 140, (float)centreX + 8, 156);
}
