namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Greedy CTC decoding of PP-OCR recognition output [T, C] (softmax probabilities; class 0 is the CTC blank, 1..N the
/// lines of the keys file, N+1 a space), restricted to digits and a decimal point. Per time step the best class of the
/// allowed set (blank, 0-9, '.') wins; when the model's overall best class is another character that looks like a digit
/// (O, l, S, B, ...) or a point (a comma, a middle dot), its probability counts for that digit or point. Repeated classes
/// merge, blanks separate. A character's confidence is its highest probability over its time steps.
/// </summary>
internal sealed class CtcDecoder
{
    private static readonly (string Key, char As)[] LookAlikes =
    [
        ("O", '0'), ("o", '0'), ("D", '0'), ("Q", '0'), ("I", '1'), ("l", '1'), ("|", '1'), ("i", '1'), ("丨", '1'),
        ("Z", '2'), ("z", '2'), ("S", '5'), ("s", '5'), ("B", '8'), ("G", '6'), ("b", '6'), ("q", '9'), ("g", '9'),
        (",", '.'), ("·", '.'), ("。", '.'), ("，", '.'), ("、", '.'), ("．", '.'),
    ];

    private readonly int _classes;
    private readonly char[] _symbol; // per class: the allowed character it stands for, '\0' for none
    private readonly bool[] _native; // per class: a digit or '.' itself (not a look-alike)

    public CtcDecoder(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _classes = keys.Count + 2;
        _symbol = new char[_classes];
        _native = new bool[_classes];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            index.TryAdd(keys[i], i + 1);
        }

        foreach (var c in "0123456789.")
        {
            var k = index.TryGetValue(c.ToString(), out var at) ? at
                : throw new ArgumentException($"the keys file has no '{c}': it is not a PP-OCR keys file", nameof(keys));
            _symbol[k] = c;
            _native[k] = true;
        }

        foreach (var (key, becomes) in LookAlikes)
        {
            if (index.TryGetValue(key, out var at) && _symbol[at] == '\0')
            {
                _symbol[at] = becomes;
            }
        }
    }

    /// <summary>Number of classes the model must output (keys + blank + space).</summary>
    public int Classes => _classes;

    /// <summary>Decodes <paramref name="steps"/> time steps of <see cref="Classes"/> probabilities each.</summary>
    public RecognizedText Decode(ReadOnlySpan<float> probabilities, int steps)
    {
        if (probabilities.Length < steps * _classes)
        {
            throw new ArgumentException($"expected {steps} x {_classes} probabilities, got {probabilities.Length}", nameof(probabilities));
        }

        var text = new System.Text.StringBuilder();
        var confidences = new List<float>();
        var foreign = 0;
        var previous = '\0';
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.Slice(t * _classes, _classes);
            var overall = 0;
            for (var c = 1; c < _classes; c++)
            {
                if (row[c] > row[overall])
                {
                    overall = c;
                }
            }

            // Best allowed class: blank, a digit or point, or a look-alike of one (which counts as it).
            var best = '\0';
            var bestP = row[0];
            for (var c = 1; c < _classes; c++)
            {
                if (_symbol[c] != '\0' && row[c] > bestP)
                {
                    bestP = row[c];
                    best = _symbol[c];
                }
            }

            var isForeign = best != '\0' && overall != 0 && _symbol[overall] == '\0';
            if (best == '\0')
            {
                previous = '\0';
                continue;
            }

            if (best == previous)
            {
                confidences[^1] = Math.Max(confidences[^1], isForeign ? Math.Min(bestP, 1 - row[overall]) : bestP);
                continue;
            }

            if (isForeign)
            {
                foreign++;
            }

            text.Append(best);
            confidences.Add(isForeign ? Math.Min(bestP, 1 - row[overall]) : bestP);
            previous = best;
        }

        return new RecognizedText(text.ToString(), confidences, foreign);
    }

    /// <summary>True when class <paramref name="index"/> is a digit or the point itself.</summary>
    public bool IsNative(int index) => index >= 0 && index < _classes && _native[index];
}
