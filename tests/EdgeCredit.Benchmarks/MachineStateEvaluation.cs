using System.Security.Cryptography;
using EdgeCredit.Agent.Meters.State;
using EdgeCredit.Benchmarks.State;

namespace EdgeCredit.Benchmarks;

/// <summary>
/// Machine-state evaluation: the agent's calibration and the shipped ONNX model (through the same
/// <see cref="MachineStateTracker"/> the agent uses) on the held-out CNC data, on simulated machine days, on the Steel
/// plant's year, and the inference time.
/// </summary>
internal sealed class MachineStateEvaluation(int timingCalls)
{
    public void Run()
    {
        var options = new MachineStateOptions();
        using var model = new MachineStateModel(options.ModelPath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model.Path)));
        Console.WriteLine($"machine-state evaluation: model {model.Path}");
        Console.WriteLine($"  sha256 {sha}; data {EnergyData.Directory}");
        Console.WriteLine("  The shipped model was trained on simulated profiles and the CNC TRAIN split only (see models/machine-state/MODEL_CARD.md).");
        Console.WriteLine();
        CncEvaluation.Run(model);
        Console.WriteLine();
        SimulatedEvaluation.Run(model);
        Console.WriteLine();
        SteelEvaluation.Run(model);
        Console.WriteLine();
        InferenceTiming.Run(model, timingCalls);
    }
}
