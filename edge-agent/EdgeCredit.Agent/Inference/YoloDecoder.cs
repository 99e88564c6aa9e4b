namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Decodes one image's slice of a YOLO-style output into boxes in frame pixels: the v5 layout [boxes, 5 + C] (cx, cy,
/// w, h, objectness, C class scores; score = objectness × best class score) or the v8 layout [4 + C, boxes] (cx, cy, w,
/// h, C class scores; no objectness). Coordinates are input pixels, mapped back through the letterbox. Then per-class
/// non-maximum suppression, best first.
/// </summary>
internal static class YoloDecoder
{
    public static List<Detection> Decode(ReadOnlySpan<float> output, OutputLayout layout, int boxes, IReadOnlyList<string> labels, Letterbox letterbox, DetectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var classes = labels.Count;
        var stride = layout == OutputLayout.YoloV5 ? 5 + classes : 4 + classes;
        if (layout is not (OutputLayout.YoloV5 or OutputLayout.YoloV8))
        {
            throw new ArgumentException($"layout {layout} is not a detection layout", nameof(layout));
        }

        if (output.Length < boxes * stride)
        {
            throw new ArgumentException($"the output holds {output.Length} values, {boxes} boxes of {stride} need {boxes * stride}", nameof(output));
        }

        var candidates = new List<Detection>();
        for (var i = 0; i < boxes; i++)
        {
            // v5: box i is row i (contiguous); v8: value k of box i is at k * boxes + i (one row per value).
            var (origin, step) = layout == OutputLayout.YoloV5 ? (i * stride, 1) : (i, boxes);
            var first = layout == OutputLayout.YoloV5 ? 5 : 4;
            var objectness = layout == OutputLayout.YoloV5 ? output[origin + (4 * step)] : 1f;
            if (objectness < settings.MinScore)
            {
                continue;
            }

            var best = 0;
            var bestScore = output[origin + (first * step)];
            for (var c = 1; c < classes; c++)
            {
                var s = output[origin + ((first + c) * step)];
                if (s > bestScore)
                {
                    (best, bestScore) = (c, s);
                }
            }

            var score = objectness * bestScore;
            if (score < settings.MinScore)
            {
                continue;
            }

            var (cx, cy, w, h) = (output[origin], output[origin + step], output[origin + (2 * step)], output[origin + (3 * step)]);
            var (x0, y0) = letterbox.ToSource(cx - (w / 2), cy - (h / 2));
            var (x1, y1) = letterbox.ToSource(cx + (w / 2), cy + (h / 2));
            candidates.Add(new Detection(best, labels[best], score, (float)x0, (float)y0, (float)x1, (float)y1));
        }

        return Suppress(candidates, settings);
    }

    /// <summary>Per-class non-maximum suppression: best score first; a box overlapping a kept one of its class by more than the threshold goes.</summary>
    public static List<Detection> Suppress(List<Detection> candidates, DetectionSettings settings)
        => Suppress(candidates, (kept, candidate) => kept.Label == candidate.Label && kept.IoU(candidate) > settings.NmsIoU, settings.MaxDetections);

    /// <summary>
    /// Greedy suppression: <paramref name="candidates"/> best score first (sorted in place); a box goes when a kept one
    /// <paramref name="suppresses"/> it; at most <paramref name="max"/> are kept.
    /// </summary>
    public static List<Detection> Suppress(List<Detection> candidates, Func<Detection, Detection, bool> suppresses, int max = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(suppresses);
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Detection>();
        foreach (var candidate in candidates)
        {
            if (!kept.Exists(k => suppresses(k, candidate)))
            {
                kept.Add(candidate);
                if (kept.Count == max)
                {
                    break;
                }
            }
        }

        return kept;
    }
}
