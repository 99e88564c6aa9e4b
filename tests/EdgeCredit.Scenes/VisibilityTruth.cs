using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>
/// How much of each region's moving part people leave in view, second by second: the people are drawn as a mask at the
/// clip's size on every frame (the same shapes the renderer draws, in the same depth order: people behind the belt do not
/// cover it) and laid over the part's sweep. A second's figure is its best frame's share.
/// </summary>
internal static class VisibilityTruth
{
    private static readonly Scalar On = Scalar.All(255);

    /// <summary>What <paramref name="people"/> cover at time t (anti-aliased edges from half strength on); null for nobody.</summary>
    private static Mat? Cover(IReadOnlyList<ScriptedPerson> people, SceneScript script, double t)
    {
        if (people.Count == 0)
        {
            return null;
        }

        var spec = script.Spec;
        using var drawn = new Mat(spec.Height, spec.Width, MatType.CV_8UC1, Scalar.All(0));
        foreach (var person in people)
        {
            PersonPainter.Draw(drawn, person, t, script.Aspect, On);
        }

        var mask = new Mat();
        Cv2.Threshold(drawn, mask, 127, 255, ThresholdTypes.Binary);
        return mask;
    }

    /// <summary>Per region (in script order), one share per second of the clip, rounded to 0.01.</summary>
    public static IReadOnlyList<double[]> Compute(SceneScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var spec = script.Spec;
        var beltFront = script.Conveyor?.Box.Y1 ?? double.MaxValue;
        var sweeps = new List<(Mat Mask, Rect Box, double Area, bool Belt)>();
        using var covered = new Mat();
        try
        {
            foreach (var region in script.Regions)
            {
                var box = region.Box.ToPixels(spec.Width, spec.Height) & new Rect(0, 0, spec.Width, spec.Height);
                var mask = new Mat(spec.Height, spec.Width, MatType.CV_8UC1, Scalar.All(0));
                if (region.Machine is { } kind)
                {
                    MachinePainter.PaintSweep(mask, kind, box, On);
                }
                else
                {
                    mask[box].SetTo(On);
                }

                sweeps.Add((mask, box, Math.Max(1, Cv2.CountNonZero(mask)), region.Machine is null));
            }

            var shares = script.Regions.Select(_ => new double[spec.Seconds]).ToList();
            for (var i = 0; i < spec.FrameCount; i++)
            {
                var t = script.Time(i);
                var second = Math.Min(spec.Seconds - 1, i / spec.Fps);
                var present = script.People.Where(p => p.X(t) is not null).ToList();
                var all = Cover(present, script, t);
                var front = Cover([.. present.Where(p => p.FootY >= beltFront)], script, t);
                for (var r = 0; r < sweeps.Count; r++)
                {
                    var (mask, _, area, belt) = sweeps[r];
                    var over = belt ? front : all;
                    var visible = 1.0;
                    if (over is not null)
                    {
                        Cv2.BitwiseAnd(over, mask, covered);
                        visible = 1 - (Cv2.CountNonZero(covered) / area);
                    }

                    shares[r][second] = Math.Max(shares[r][second], visible);
                }

                all?.Dispose();
                front?.Dispose();
            }

            foreach (var share in shares)
            {
                for (var s = 0; s < share.Length; s++)
                {
                    share[s] = Math.Round(share[s], 2);
                }
            }

            return shares;
        }
        finally
        {
            foreach (var sweep in sweeps)
            {
                sweep.Mask.Dispose();
            }
        }
    }
}
