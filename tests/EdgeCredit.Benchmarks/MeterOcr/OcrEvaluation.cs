using System.Globalization;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Scenes;
using EdgeCredit.Scenes.MeterDisplays;
using DisplayKind = EdgeCredit.Scenes.MeterDisplays.DisplayKind;
using OpenCvSharp;

namespace EdgeCredit.Benchmarks.MeterOcr;

/// <summary>
/// <c>ocr-eval</c>: the meter-reading OCR path on rendered displays of the eval seed family (per display kind and
/// degradation), on rendered sequences with injected misreads (the plausibility gate), on the real digit crops of
/// ../shared/data/meter-digits, and its cost per meter on one core. Prints markdown.
/// </summary>
internal sealed class OcrEvaluation(SceneSet set, int perCell, string? dump, int detectionSide, int sequences)
{
    public async Task<int> RunAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new InferenceOptions { ModelsDirectory = Path.Combine(RealCropEvaluation.RepoRoot(), "models"), CacheDirectory = MeterOcrDefaults.FetchCache };
        using var catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(options));
        using var engine = PpOcrEngine.Create(catalogue, PpOcrEngine.DefaultDetectionModel, PpOcrEngine.DefaultRecognitionModel, detectionSide);
        await output.WriteLineAsync($"# Meter OCR evaluation ({set} seeds, {perCell} per cell)\n");
        await DisplaysAsync(engine, output);
        var seedBase = set == SceneSet.Eval ? SceneCatalogue.EvalSeedBase : SceneCatalogue.TuneSeedBase;
        var timing = await SequenceEvaluation.RunAsync(engine, seedBase, sequences, 40, output);
        await RealCropEvaluation.RunAsync(engine, output);
        await timing.PrintAsync(output);
        return 0;
    }

    private static string Describe(TextBox? box) => box is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"[{box.Corners[0].X:0},{box.Corners[0].Y:0} {box.Width:0}x{box.Height:0} {box.Score:0.00}]");

    private async Task DisplaysAsync(PpOcrEngine engine, TextWriter output)
    {
        var scores = new Dictionary<(DisplayKind, Degradation), DisplayScore>();
        foreach (var spec in MeterDisplayCatalogue.Cases(set, perCell))
        {
            using var rendered = MeterDisplayRenderer.Render(spec);
            using var grey = new Mat();
            Cv2.CvtColor(rendered.Frame, grey, ColorConversionCodes.BGR2GRAY);
            var format = new RegisterFormat(spec.Digits, spec.Decimals, LeadingZerosShown: true);
            var reader = new MeterDisplayReader(engine.Detector, engine.Recognizer, format, MeterOcrDefaults.MinConfidence) { GhostSegments = spec.Kind != DisplayKind.Drum };
            var reading = reader.Read(grey, rendered.Region.ToPixels(grey.Width, grey.Height));
            var truth = (long)Math.Floor(spec.Register);
            var score = scores.TryGetValue((spec.Kind, spec.Degradation), out var s) ? s : scores[(spec.Kind, spec.Degradation)] = new DisplayScore();
            score.Cases++;
            if (reading.Units is { } units)
            {
                if (units == truth)
                {
                    score.Exact++;
                    continue;
                }

                score.Wrong++;
            }
            else
            {
                score.Refused++;
            }

            await output.WriteLineAsync($"    refused or wrong {spec.Kind}/{spec.Degradation} seed {spec.Seed}: truth {spec.Text} read '{reading.Text}' conf {reading.Confidence:0.000} {reading.Rejection} line {Describe(reading.Line)} boxes {string.Join(' ', engine.Detector.Detect(grey[rendered.Region.ToPixels(grey.Width, grey.Height)]).Select(Describe))}");
            if (dump is not null)
            {
                Directory.CreateDirectory(dump);
                Cv2.ImWrite(Path.Combine(dump, $"{spec.Kind}-{spec.Degradation}-{spec.Seed}.png"), rendered.Frame);
            }
        }

        await output.WriteLineAsync("\n| kind | degradation | cases | exact | wrong accepted | refused | exact % |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|");
        var total = new DisplayScore();
        foreach (var ((kind, degradation), score) in scores)
        {
            total.Add(score);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {degradation} | {score.Cases} | {score.Exact} | {score.Wrong} | {score.Refused} | {score.ExactShare * 100:0.0} |"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| all | all | {total.Cases} | {total.Exact} | {total.Wrong} | {total.Refused} | {total.ExactShare * 100:0.0} |"));
    }
}
