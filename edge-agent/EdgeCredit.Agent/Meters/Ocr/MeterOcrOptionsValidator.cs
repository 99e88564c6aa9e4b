using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Checks section <c>MeterOcr</c>: bounds of every number, the meters' names, URLs, regions and register formats, and,
/// when any meter is configured, that both models load from the catalogue (SHA-256, input shape, outputs) so a wrong
/// or missing model stops the start with the catalogue's message. Whether a camera answers is not checked here.
/// </summary>
/// <param name="inference">Where the models are.</param>
/// <param name="cameras">The cameras a meter's Camera may name (absent: none).</param>
internal sealed class MeterOcrOptionsValidator(IOptions<InferenceOptions> inference, IOptions<CamerasOptions>? cameras = null) : IValidateOptions<MeterOcrOptions>
{
    private const string Prefix = MeterOcrOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, MeterOcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        problems.Range(Prefix + nameof(MeterOcrOptions.DetectionSide), options.DetectionSide, 320, 1280);
        problems.Range(Prefix + nameof(MeterOcrOptions.MinConfidence), options.MinConfidence, 0.5, 0.99);
        problems.Range(Prefix + nameof(MeterOcrOptions.RebaselineAfter), options.RebaselineAfter, 3, 1000);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var cameraNames = cameras?.Value.Sources.Select(c => c.Name).ToList() ?? [];
        for (var i = 0; i < options.Meters.Count; i++)
        {
            var meter = options.Meters[i];
            var key = $"{Prefix}Meters:{i}:";
            if (problems.SourceName(key + nameof(OcrMeterOptions.Name), meter.Name) && !names.TryAdd(meter.Name!, i))
            {
                problems.Add(key + nameof(OcrMeterOptions.Name), meter.Name, $"already used by {Prefix}Meters:{names[meter.Name!]}; names must be unique");
            }

            if (!string.IsNullOrEmpty(meter.Camera))
            {
                if (!string.IsNullOrWhiteSpace(meter.Url))
                {
                    problems.Add(key + nameof(OcrMeterOptions.Url), meter.Url, $"must be empty when {key}{nameof(OcrMeterOptions.Camera)} is set ('{meter.Camera}'): the meter reads that camera; remove one of the two");
                }
                else if (!cameraNames.Contains(meter.Camera, StringComparer.Ordinal))
                {
                    problems.Add(key + nameof(OcrMeterOptions.Camera), meter.Camera, cameraNames.Count == 0
                        ? "names no camera: Cameras:Sources is empty. Add the camera there, or set Url to the camera that sees the meter instead"
                        : $"is not one of Cameras:Sources ({string.Join(", ", cameraNames)}); name one of them, or set Url instead");
                }
            }
            else if (string.IsNullOrWhiteSpace(meter.Url))
            {
                problems.Add(key + nameof(OcrMeterOptions.Url), meter.Url, "must be the camera that sees the meter: rtsp://, http://, a video file or /dev/videoN (or set Camera to a camera of Cameras:Sources)");
            }

            problems.Range(key + nameof(OcrMeterOptions.FrameWidth), meter.FrameWidth, 320, 3840);
            if (!NormalizedPolygon.TryParse(meter.Region, out _, out var regionProblem))
            {
                problems.Add(key + nameof(OcrMeterOptions.Region), meter.Region, regionProblem);
            }

            problems.Range(key + nameof(OcrMeterOptions.ReadInterval), meter.ReadInterval, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));
            problems.Range(key + nameof(OcrMeterOptions.Digits), meter.Digits, 1, 12);
            problems.Range(key + nameof(OcrMeterOptions.Decimals), meter.Decimals, 0, Math.Max(0, meter.Digits - 1));
            problems.Range(key + nameof(OcrMeterOptions.MaxKilowatts), meter.MaxKilowatts, 0.01, 100_000);
            if (meter.StaleAfter is { } stale)
            {
                problems.Range(key + nameof(OcrMeterOptions.StaleAfter), stale, meter.ReadInterval, TimeSpan.FromDays(1));
            }
        }

        if (options.Meters.Count > 0 && problems.Count == 0)
        {
            var inferenceOptions = inference.Value;
            foreach (var (key, reference) in new[] { (nameof(MeterOcrOptions.DetectionModel), options.DetectionModel), (nameof(MeterOcrOptions.RecognitionModel), options.RecognitionModel) })
            {
                if (ModelCatalogue.Problem(inferenceOptions, reference) is { } problem)
                {
                    problems.Add(Prefix + key, reference, $"is refused: {problem}");
                }
            }
        }

        return problems.ToResult();
    }
}
