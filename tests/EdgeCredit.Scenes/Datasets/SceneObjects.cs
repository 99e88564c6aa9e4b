namespace EdgeCredit.Scenes.Datasets;

/// <summary>
/// Exact boxes of what a frame shows, from the scene's plan with the painters' own geometry: items on the belt
/// (<see cref="ConveyorPainter"/>: the box rectangle) and people (<see cref="ScriptedPerson.Box"/>: every limb at
/// full swing). Boxes are clipped to the frame; an object less than a third visible, or an item mostly hidden by a
/// person drawn in front of the belt, is left out.
/// </summary>
internal static class SceneObjects
{
    public static IReadOnlyList<ObjectBox> At(SceneScript script, double t)
    {
        ArgumentNullException.ThrowIfNull(script);
        var (w, h) = (script.Spec.Width, script.Spec.Height);
        var boxes = new List<ObjectBox>();
        var conveyor = script.Conveyor;
        var beltFront = conveyor?.Box.Y1 ?? double.MaxValue;
        var front = new List<ObjectBox>();
        foreach (var person in script.People)
        {
            if (person.Box(t, script.Aspect) is not { } box)
            {
                continue;
            }

            var full = new ObjectBox(ObjectBox.Person, person.Id, box.X0 * w, box.Y0 * h, box.X1 * w, box.Y1 * h);
            if (Clip(full, w, h) is { } clipped)
            {
                boxes.Add(clipped);
                if (person.FootY >= beltFront)
                {
                    front.Add(clipped);
                }
            }
        }

        if (conveyor is not null)
        {
            var belt = conveyor.Box.ToPixels(w, h);
            var travel = conveyor.Travel(t);
            foreach (var item in script.Items)
            {
                var itemFront = travel - item.Offset;
                var back = itemFront - item.Length;
                if (itemFront < 0 || back > 1)
                {
                    continue;
                }

                var x0 = Math.Round(back * w);
                var x1 = Math.Round(itemFront * w);
                var height = Math.Max(4, (int)(item.Length * w * 0.8));
                var y0 = belt.Y + (belt.Height / 3) - height;
                var full = new ObjectBox(ObjectBox.Item, item.Id, x0, y0, x1 + 1, y0 + height + 1);
                if (Clip(full, w, h) is { } clipped && front.All(p => Covered(clipped, p) < 0.5))
                {
                    boxes.Add(clipped);
                }
            }
        }

        return boxes;
    }

    /// <summary>Where the centre of an item is along the belt at time t (image widths, 0 = left edge); null before it is on the belt's visible part.</summary>
    public static double ItemCentre(SceneScript script, ScriptedItem item, double t)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(item);
        return script.Conveyor!.Travel(t) - item.Offset - (item.Length / 2);
    }

    private static ObjectBox? Clip(ObjectBox box, int w, int h)
    {
        var clipped = box with { X0 = Math.Max(0, box.X0), Y0 = Math.Max(0, box.Y0), X1 = Math.Min(w, box.X1), Y1 = Math.Min(h, box.Y1) };
        var visible = clipped.Width * clipped.Height;
        return clipped.Width >= 3 && clipped.Height >= 3 && visible >= box.Width * box.Height / 3 ? clipped : null;
    }

    /// <summary>Share of <paramref name="box"/> covered by <paramref name="cover"/>.</summary>
    private static double Covered(ObjectBox box, ObjectBox cover)
    {
        var iw = Math.Min(box.X1, cover.X1) - Math.Max(box.X0, cover.X0);
        var ih = Math.Min(box.Y1, cover.Y1) - Math.Max(box.Y0, cover.Y0);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih / (box.Width * box.Height);
    }
}
