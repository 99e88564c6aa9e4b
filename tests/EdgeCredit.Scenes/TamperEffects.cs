using OpenCvSharp;

namespace EdgeCredit.Scenes;

/// <summary>The tamper cases that change pixels (moved, covered, defocused, dark); frozen and looped repeat whole frames instead.</summary>
internal static class TamperEffects
{
    /// <summary>Brightness factor of the dark case: falls to 3 % within <see cref="TamperPlan.Transition"/>.</summary>
    public static double DarkGain(TamperPlan? plan, double t) =>
        plan is { Kind: TamperKind.Dark } ? 1 - (0.97 * plan.Progress(t)) : 1;

    /// <summary>Applies the geometric, cover and blur cases in place; <paramref name="scratch"/> is a work buffer of the same size.</summary>
    public static void Apply(Mat frame, Mat scratch, TamperPlan? plan, double t, int coverColour)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(scratch);
        if (plan is null || t < plan.Start)
        {
            return;
        }

        var p = plan.Progress(t);
        var (w, h) = (frame.Width, frame.Height);
        switch (plan.Kind)
        {
            case TamperKind.Moved:
                using (var m = Cv2.GetRotationMatrix2D(new Point2f(w / 2f, h / 2f), plan.RotateDegrees * p, 1.0))
                {
                    m.Set(0, 2, m.At<double>(0, 2) + (plan.ShiftX * w * p));
                    m.Set(1, 2, m.At<double>(1, 2) + (plan.ShiftY * h * p));
                    Cv2.WarpAffine(frame, scratch, m, new Size(w, h), InterpolationFlags.Linear, BorderTypes.Reflect101);
                }

                scratch.CopyTo(frame);
                break;
            case TamperKind.Covered:
                // Slides in from the lower right, then covers about 85 % of the view with one flat colour.
                var centre = new Point((int)(w * (0.5 + (0.7 * (1 - p)))), (int)(h * (0.5 + (0.6 * (1 - p)))));
                Cv2.Ellipse(frame, centre, new Size((int)(w * 0.62), (int)(h * 0.68)), -8, 0, 360, Palette.Covers[coverColour % Palette.Covers.Length], -1, LineTypes.AntiAlias);
                break;
            case TamperKind.Defocused:
                var sigma = p * 6.0 * w / 640.0;
                if (sigma >= 0.3)
                {
                    Cv2.GaussianBlur(frame, scratch, new Size(0, 0), sigma);
                    scratch.CopyTo(frame);
                }

                break;
            default:
                break;
        }
    }
}
