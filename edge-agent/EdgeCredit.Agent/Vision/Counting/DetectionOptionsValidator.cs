using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Vision.Counting;

/// <summary>
/// Bounds of every number, the counting lines' syntax, and the model itself (checksum, shapes, labels) so a wrong model
/// stops the start. The model is checked only when a camera is configured (none, or <paramref name="cameras"/> not
/// given, checks it): only cameras run it, and a check loads it into ONNX Runtime's arena, which keeps what it grew.
/// </summary>
internal sealed class DetectionOptionsValidator(IOptions<InferenceOptions> inference, IOptions<Capture.CamerasOptions>? cameras = null) : IValidateOptions<DetectionOptions>
{
    private const string Prefix = DetectionOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = new OptionsProblems();
        p.Range(Prefix + nameof(options.MinScore), options.MinScore, 0.05, 0.99);
        p.Range(Prefix + nameof(options.NmsIoU), options.NmsIoU, 0.1, 0.9);
        p.Range(Prefix + nameof(options.MaxFps), options.MaxFps, 0.2, 30);
        p.Range(Prefix + nameof(options.TrackTimeout), options.TrackTimeout, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(30));
        p.Range(Prefix + nameof(options.MatchIoU), options.MatchIoU, 0.05, 0.9);
        p.Range(Prefix + nameof(options.MinHits), options.MinHits, 1, 10);
        p.Range(Prefix + nameof(options.OccupiedAfter), options.OccupiedAfter, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        p.Range(Prefix + nameof(options.FreeAfter), options.FreeAfter, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        foreach (var (region, settings) in options.Regions)
        {
            if (settings.Line.Length > 0 && !CountingLine.TryParse(settings.Line, out _, out var problem))
            {
                p.Add($"{Prefix}Regions:{region}:Line", settings.Line, problem);
            }
        }

        if (options.Model.Length > 0 && p.Count == 0 && cameras?.Value.Sources.Count != 0)
        {
            var (refused, labels) = ModelCatalogue.Problem(inference.Value, options.Model, model => LabelProblem(model, options));
            if (refused is not null)
            {
                p.Add(Prefix + nameof(options.Model), options.Model, $"the model is refused: {refused}; or set it empty to turn counting off");
            }
            else if (labels is not null)
            {
                p.Add(Prefix + nameof(options.Model), options.Model, labels);
            }
        }

        return p.ToResult();
    }

    private static string? LabelProblem(LoadedModel model, DetectionOptions options)
    {
        if (model.Manifest.Task != ModelTask.Detection)
        {
            return $"it is a {model.Manifest.Task} model; counting needs a detection model";
        }

        var missing = new[] { options.ItemLabel, options.PersonLabel }.Where(l => !model.Labels.Contains(l)).ToArray();
        return missing.Length == 0 ? null : $"its labels ({string.Join(", ", model.Labels)}) lack {string.Join(" and ", missing)}; set Detection:ItemLabel / Detection:PersonLabel to labels it has";
    }
}
