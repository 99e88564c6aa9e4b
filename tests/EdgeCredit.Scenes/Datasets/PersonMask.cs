using OpenCvSharp;

namespace EdgeCredit.Scenes.Datasets;

/// <summary>
/// What of the people a frame shows, as a mask at the clip's size (255 person, 0 not): the painters' own shapes, in the
/// renderer's depth order (the belt covers the legs of people behind it). The training target of the person-mask model.
/// </summary>
internal static class PersonMask
{
    private static readonly Scalar On = Scalar.All(255);

    /// <summary>Paints the mask of time <paramref name="t"/> into <paramref name="mask"/> (8-bit, one channel, the clip's size).</summary>
    public static void Paint(SceneScript script, double t, Mat mask)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(mask);
        mask.SetTo(Scalar.All(0));
        var conveyor = script.Conveyor;
        var beltFront = conveyor?.Box.Y1 ?? double.MaxValue;
        foreach (var person in script.People.Where(p => p.FootY < beltFront))
        {
            PersonPainter.Draw(mask, person, t, script.Aspect, On);
        }

        if (conveyor is not null)
        {
            var belt = conveyor.Box.ToPixels(script.Spec.Width, script.Spec.Height) & new Rect(0, 0, mask.Width, mask.Height);
            mask[belt].SetTo(Scalar.All(0));
        }

        foreach (var person in script.People.Where(p => p.FootY >= beltFront))
        {
            PersonPainter.Draw(mask, person, t, script.Aspect, On);
        }
    }
}
