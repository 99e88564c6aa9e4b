using System.Globalization;
using EdgeCredit.Agent.Meters.Ocr;
using OpenCvSharp;

namespace EdgeCredit.Benchmarks.MeterOcr;

/// <summary>
/// The recognition path on the real single-digit crops of ../shared/data/meter-digits (jomjol: drums, LCD,
/// seven-segment; 20 per digit and 30 NaN = a drum between two digits). Each crop is padded by a quarter of its width
/// on both sides (replicated edge), as the detector's unclip margin would leave it, made dark-on-light as the reader
/// does, read by the recogniser (one view), and counts
/// as digit d only when the text is exactly one digit with at least the minimum confidence; anything else is refused.
/// </summary>
internal static class RealCropEvaluation
{
    public static async Task RunAsync(PpOcrEngine engine, TextWriter output)
    {
        var root = FindData();
        var labels = File.ReadAllLines(Path.Combine(root, "jomjol_digits_labels.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        const int refused = 10;
        var confusion = new int[11, 11]; // rows: truth 0-9, 10 = NaN; columns: read 0-9, 10 = refused
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in labels)
        {
            using var image = Cv2.ImRead(Path.Combine(root, "jomjol_digits", row[0]), ImreadModes.Grayscale);
            using var padded = new Mat();
            var pad = Math.Max(2, image.Width / 4);
            Cv2.CopyMakeBorder(image, padded, 2, 2, pad, pad, BorderTypes.Replicate);
            TextRecognizer.MakeDarkOnLight(padded); // as the reader does with a line crop
            var text = engine.Recognizer.Read(padded);
            var truth = row[1] == "NaN" ? 10 : int.Parse(row[1], CultureInfo.InvariantCulture);
            int read;
            string reason;
            if (text.Text.Length == 1 && char.IsAsciiDigit(text.Text[0]) && text.MinDigitConfidence >= MeterOcrDefaults.MinConfidence)
            {
                read = text.Text[0] - '0';
                reason = "read";
            }
            else
            {
                read = refused;
                reason = text.Text.Length == 0 ? "nothing read" : text.Text.Count(char.IsAsciiDigit) != 1 ? "not one digit" : "low confidence";
            }

            confusion[truth, read]++;
            if (truth == 10 || read == refused)
            {
                var key = $"{(truth == 10 ? "NaN" : "digit")}: {reason}";
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
            }
        }

        var digits = Enumerable.Range(0, 10).Sum(d => Enumerable.Range(0, 11).Sum(c => confusion[d, c]));
        var correct = Enumerable.Range(0, 10).Sum(d => confusion[d, d]);
        var wrong = Enumerable.Range(0, 10).Sum(d => Enumerable.Range(0, 10).Where(c => c != d).Sum(c => confusion[d, c]));
        var nanRead = Enumerable.Range(0, 10).Sum(c => confusion[10, c]);
        await output.WriteLineAsync("\n## Real digit crops (../shared/data/meter-digits, recognition only)\n");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Digits 0-9: {digits} crops, {correct} read correctly ({100.0 * correct / digits:0.0} %), {wrong} read as another digit ({100.0 * wrong / digits:0.0} %), {digits - correct - wrong} refused."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"NaN (drum between two digits): {confusion[10, refused]} of 30 refused, {nanRead} read as a digit."));
        await output.WriteLineAsync("\nConfusion (rows: truth; columns: read; R = refused):\n");
        await output.WriteLineAsync("| truth | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | R | correct % |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var t = 0; t <= 10; t++)
        {
            var cells = string.Join(" | ", Enumerable.Range(0, 11).Select(c => confusion[t, c].ToString(CultureInfo.InvariantCulture)));
            var total = Enumerable.Range(0, 11).Sum(c => confusion[t, c]);
            var share = t == 10 ? "-" : (100.0 * confusion[t, t] / total).ToString("0", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"| {(t == 10 ? "NaN" : t.ToString(CultureInfo.InvariantCulture))} | {cells} | {share} |");
        }

        await output.WriteLineAsync("\nRefusals by reason: " + string.Join(", ", reasons.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")));
    }

    /// <summary>The repository root (the folder holding EdgeCredit.sln above the program).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EdgeCredit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"EdgeCredit.sln not found above {AppContext.BaseDirectory}");
    }

    private static string FindData()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "data", "meter-digits"));
        return Directory.Exists(candidate) ? candidate : throw new DirectoryNotFoundException($"{candidate} not found: the real digit crops live in ../shared/data/meter-digits beside the repository");
    }
}
