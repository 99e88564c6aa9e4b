using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Vision;

/// <summary>
/// Bounds of every number, the reference directory, and the person-mask model (checked when the inference options are
/// given and a camera is configured, or <paramref name="cameras"/> is not given: only cameras run it).
/// </summary>
internal sealed class VisionOptionsValidator(IOptions<InferenceOptions>? inference = null, IOptions<Capture.CamerasOptions>? cameras = null) : IValidateOptions<VisionOptions>
{
    private const string Prefix = VisionOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var p = new OptionsProblems();
        p.Range(Prefix + nameof(options.NoiseFactor), options.NoiseFactor, 2, 20);
        p.Range(Prefix + nameof(options.MinPixelDifference), options.MinPixelDifference, 1, 128);
        p.Range(Prefix + nameof(options.GlobalChangeShare), options.GlobalChangeShare, 0.05, 1);
        p.Range(Prefix + nameof(options.DarkLuminance), options.DarkLuminance, 1, 254);
        p.Range(Prefix + nameof(options.CoveredContrast), options.CoveredContrast, 0.5, 128);
        p.Range(Prefix + nameof(options.CoveredShare), options.CoveredShare, 0.5, 1);
        p.Range(Prefix + nameof(options.DefocusRatio), options.DefocusRatio, 0.01, 0.95);
        p.Range(Prefix + nameof(options.FrozenIdenticalShare), options.FrozenIdenticalShare, 0.5, 1);
        p.Range(Prefix + nameof(options.FrozenFor), options.FrozenFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        p.Range(Prefix + nameof(options.LoopHistory), options.LoopHistory, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30));
        p.Range(Prefix + nameof(options.LoopMinPeriod), options.LoopMinPeriod, TimeSpan.FromSeconds(1), Max(TimeSpan.FromSeconds(1), options.LoopHistory / 2));
        p.Range(Prefix + nameof(options.LoopMatchRatio), options.LoopMatchRatio, 0.01, 0.9);
        p.Range(Prefix + nameof(options.MovedCorrelation), options.MovedCorrelation, 0.05, 0.95);
        p.Range(Prefix + nameof(options.MovedShift), options.MovedShift, 0.005, 0.5);
        p.Range(Prefix + nameof(options.ConfirmFor), options.ConfirmFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        p.Range(Prefix + nameof(options.ClearFor), options.ClearFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        p.Range(Prefix + nameof(options.AutoReferenceAfter), options.AutoReferenceAfter, TimeSpan.Zero, TimeSpan.FromHours(1));
        p.Range(Prefix + nameof(options.NuisanceHold), options.NuisanceHold, TimeSpan.Zero, TimeSpan.FromMinutes(2));
        p.Range(Prefix + nameof(options.ConveyorHold), options.ConveyorHold, TimeSpan.Zero, TimeSpan.FromMinutes(2));
        if (!string.IsNullOrEmpty(options.ReferenceDirectory) && !Directory.Exists(options.ReferenceDirectory))
        {
            p.Add(Prefix + nameof(options.ReferenceDirectory), options.ReferenceDirectory, "the directory does not exist (give the directory the commissioning tool wrote the references to, or leave it empty)");
        }

        if (options.HidePeople && options.PersonMask.Length > 0 && inference is not null && cameras?.Value.Sources.Count != 0 && MaskProblem(inference.Value, options.PersonMask) is { } problem)
        {
            p.Add(Prefix + nameof(options.PersonMask), options.PersonMask, $"the model is refused: {problem}; or set it empty to hide the whole box under each person");
        }

        Activity(p, Prefix, options.MotionShare, options.EnterActivity, options.ExitActivity, options.EnterFor, options.ExitFor);
        foreach (var (region, o) in options.Regions)
        {
            var key = $"{Prefix}Regions:{region}:";
            Activity(
                p,
                key,
                o.MotionShare ?? options.MotionShare,
                o.EnterActivity ?? options.EnterActivity,
                o.ExitActivity ?? options.ExitActivity,
                o.EnterFor ?? options.EnterFor,
                o.ExitFor ?? options.ExitFor);
        }

        return p.ToResult();
    }

    private static string? MaskProblem(InferenceOptions inference, string reference)
    {
        var (refused, unfit) = ModelCatalogue.Problem(inference, reference,
            model => model.Manifest.Task == ModelTask.Segmentation ? null : $"it is a {model.Manifest.Task} model, not segmentation");
        return refused ?? unfit;
    }

    private static void Activity(OptionsProblems p, string key, double motionShare, double enter, double exit, TimeSpan enterFor, TimeSpan exitFor)
    {
        p.Range(key + nameof(VisionOptions.MotionShare), motionShare, 0.0005, 0.5);
        p.Range(key + nameof(VisionOptions.EnterActivity), enter, 0.05, 1);
        if (exit < 0 || exit >= enter)
        {
            p.Add(key + nameof(VisionOptions.ExitActivity), exit, $"allowed 0 to below EnterActivity ({OptionsProblems.Format(enter)}): the exit threshold must be lower than the enter threshold (hysteresis)");
        }

        p.Range(key + nameof(VisionOptions.EnterFor), enterFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        p.Range(key + nameof(VisionOptions.ExitFor), exitFor, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
