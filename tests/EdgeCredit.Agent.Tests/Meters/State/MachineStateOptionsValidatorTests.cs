using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Agent.Tests.Meters.State;

public sealed class MachineStateOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        // The default ModelPath is relative to the agent's folder, where the build copies the model.
        var result = new MachineStateOptionsValidator().Validate(null, new MachineStateOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_MissingModel_NamesKeyPathAndFix()
    {
        var result = new MachineStateOptionsValidator().Validate(null, new MachineStateOptions { ModelPath = "/nowhere/machine-state.onnx" });

        var line = Assert.Single(result.Failures!);
        Assert.StartsWith("MachineState:ModelPath = '/nowhere/machine-state.onnx' is invalid", line, StringComparison.Ordinal);
        Assert.Contains("reinstall the agent", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnloadableModel_SaysItCannotBeUsed()
    {
        using var dir = new Support.TempDirectory();
        var path = dir.File("machine-state.onnx");
        File.WriteAllBytes(path, [1, 2, 3]);

        var result = new MachineStateOptionsValidator().Validate(null, new MachineStateOptions { ModelPath = path });

        Assert.Contains(result.Failures!, f => f.StartsWith("MachineState:ModelPath", StringComparison.Ordinal) && f.Contains("cannot be used", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OutOfBoundsAndBadOverride_OneLinePerKey()
    {
        var options = new MachineStateOptions { CommissioningPeriod = TimeSpan.FromSeconds(5), MinConfidence = 1.5 };
        options.Overrides["press-1"] = new MachineLevelsOverride { IdleKw = 12, RunningKw = 10 };

        var failures = new MachineStateOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("MachineState:CommissioningPeriod = '00:00:05' is invalid: allowed 00:01:00 to 30.00:00:00", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("MachineState:MinConfidence = '1.5'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("MachineState:Overrides:press-1:IdleKw = '12'", StringComparison.Ordinal));
        Assert.Equal(3, failures.Count);
    }
}
