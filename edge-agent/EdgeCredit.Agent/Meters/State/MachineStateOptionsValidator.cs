using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.State;

/// <summary>Checks bounds and that the model file exists and loads, so a broken install stops the agent at start.</summary>
internal sealed class MachineStateOptionsValidator : IValidateOptions<MachineStateOptions>
{
    private const string Prefix = MachineStateOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, MachineStateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        problems.Range(Prefix + nameof(options.CommissioningPeriod), options.CommissioningPeriod, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        problems.Range(Prefix + nameof(options.ValidationPeriod), options.ValidationPeriod, TimeSpan.Zero, TimeSpan.FromDays(7));
        problems.Range(Prefix + nameof(options.MinCommissioningSamples), options.MinCommissioningSamples, 20, 100_000);
        problems.Range(Prefix + nameof(options.MinStateShare), options.MinStateShare, 0.01, 0.45);
        problems.Range(Prefix + nameof(options.MinSeparation), options.MinSeparation, 1.2, 100);
        problems.Range(Prefix + nameof(options.MinConfidence), options.MinConfidence, 0.5, 0.99);

        foreach (var (source, levels) in options.Overrides)
        {
            var key = $"{Prefix}Overrides:{source}:";
            problems.Range(key + nameof(levels.RunningKw), levels.RunningKw, 0.001, 100_000);
            problems.Range(key + nameof(levels.IdleKw), levels.IdleKw, 0, Math.Max(0, levels.RunningKw / options.MinSeparation));
            if (levels.OffKw is { } off)
            {
                problems.Range(key + nameof(levels.OffKw), off, 0, Math.Max(0, levels.IdleKw));
            }
        }

        var modelKey = Prefix + nameof(options.ModelPath);
        var path = MachineStateModel.Resolve(options.ModelPath);
        if (string.IsNullOrWhiteSpace(options.ModelPath) || !File.Exists(path))
        {
            problems.Add(modelKey, path, "the model file does not exist; reinstall the agent (it ships models/machine-state.onnx) or give the path of machine-state.onnx, absolute or relative to the agent's folder");
        }
        else if (MachineStateModel.Check(path) is { } error)
        {
            problems.Add(modelKey, path, $"the model cannot be used ({error}); reinstall the agent or rebuild it with models/machine-state/train.py");
        }

        return problems.ToResult();
    }
}
