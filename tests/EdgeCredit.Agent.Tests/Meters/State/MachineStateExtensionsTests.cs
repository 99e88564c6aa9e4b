using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;
using EdgeCredit.Agent.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCredit.Agent.Tests.Meters.State;

public sealed class MachineStateExtensionsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddMachineState_MissingModelFile_StartRefusedNamingKeyPathAndFix()
    {
        using var host = Build(("MachineState:ModelPath", "/opt/nowhere/machine-state.onnx"));

        var ex = Record.Exception(() => ConfigurationErrors.Validate(host.Services));

        Assert.NotNull(ex);
        Assert.True(ConfigurationErrors.TryDescribe(ex, out var lines));
        var line = Assert.Single(lines);
        Assert.StartsWith("MachineState:ModelPath = '/opt/nowhere/machine-state.onnx' is invalid: the model file does not exist", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMachineState_DefaultsWithOverrideFromConfiguration_OverrideBoundAndCalibrationsUnderDataDirectory()
    {
        using var host = Build(("MachineState:Overrides:press-1:IdleKw", "2"), ("MachineState:Overrides:press-1:RunningKw", "18"));
        ConfigurationErrors.Validate(host.Services);
        var stored = new MachineCalibration { OffKw = 0.3, IdleKw = 1, RunningKw = 9, Origin = CalibrationOrigin.Learned, LearnedAt = DateTimeOffset.UnixEpoch };
        new CalibrationStore(Path.Combine(_dir.Path, "data", "calibration")).Save("lathe-2", stored);

        var trackers = host.Services.GetRequiredService<MachineStateTrackers>();
        var press = trackers.For("press-1");

        Assert.Equal(CalibrationPhase.Calibrated, press.Phase);
        Assert.Equal(18, press.Calibration!.RunningKw);
        Assert.Equal(MachineState.Running, press.Next(DateTimeOffset.UnixEpoch, 17));
        Assert.Equal(stored, trackers.For("lathe-2").Calibration);
        Assert.Equal(CalibrationPhase.Commissioning, trackers.For("drill-3").Phase);
        Assert.Same(press, trackers.For("press-1"));
    }

    private IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dir.Path, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:Enterprise"] = "acme",
            ["Agent:Device"] = "gw-01",
            ["Agent:DataDirectory"] = "data",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddAgentCore().AddMachineState();
        return builder.Build();
    }
}
