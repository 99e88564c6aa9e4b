using System.Security.Cryptography;
using System.Text.RegularExpressions;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;

namespace EdgeCredit.Agent.Tests.Meters.State;

public sealed partial class MachineStateModelTests
{
    [Fact]
    public void Checksum_ShippedModel_EqualsModelCard()
    {
        var card = File.ReadAllText(ModelFiles.Card);
        var match = CardChecksum().Match(card);
        Assert.True(match.Success, "MODEL_CARD.md has no 'SHA-256: `...`' line");

        var shipped = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ModelFiles.Shipped)));
        var committed = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(ModelFiles.Committed)));

        Assert.Equal(match.Groups[1].Value, committed);
        Assert.Equal(committed, shipped);
    }

    [Theory]
    [InlineData(1, 0.8, 0.10)]
    [InlineData(2, 12, 0.25)]
    [InlineData(3, 150, 0.05)]
    [InlineData(4, 900, 0.40)]
    public void Predict_SimulatedProfiles_AtLeast95PercentOfSamplesRight(int seed, double ratedKw, double idleFraction)
    {
        var profile = StateProfile.Generate(seed, ratedKw, idleFraction, 6000);
        var levels = new MachineCalibration
        {
            OffKw = profile.IdleKw / 3,
            IdleKw = profile.IdleKw,
            RunningKw = profile.RunningKw,
            Origin = CalibrationOrigin.Override,
            LearnedAt = DateTimeOffset.UnixEpoch,
        };
        using var model = new MachineStateModel(ModelFiles.Shipped);
        var window = new float[MachineStateModel.Window];
        var right = 0;
        var confusion = new int[3, 3];

        for (var t = 0; t < profile.Kilowatts.Length; t++)
        {
            for (var i = 0; i < window.Length; i++)
            {
                window[i] = (float)(profile.Kilowatts[Math.Max(0, t - window.Length + 1 + i)] / levels.RunningKw);
            }

            var predicted = model.Predict(window, levels.IdleLevel, levels.OffLevel).State;
            confusion[(int)profile.States[t], (int)predicted]++;
            right += predicted == profile.States[t] ? 1 : 0;
        }

        var accuracy = (double)right / profile.Kilowatts.Length;
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P2}; confusion (true rows off/idle/running): "
            + string.Join(" | ", Enumerable.Range(0, 3).Select(r => string.Join(",", Enumerable.Range(0, 3).Select(c => confusion[r, c])))));
        Assert.True(confusion[(int)MachineState.Off, (int)MachineState.Off] > 0 && confusion[(int)MachineState.Idle, (int)MachineState.Idle] > 0);
    }

    [Fact]
    public void Predict_WrongWindowLength_Throws()
    {
        using var model = new MachineStateModel(ModelFiles.Shipped);

        Assert.Throws<ArgumentException>(() => model.Predict(new float[5], 0.2f, 0.05f));
    }

    [Fact]
    public void Check_NotAnOnnxFile_ReturnsReason()
    {
        using var dir = new Support.TempDirectory();
        var path = dir.File("broken.onnx");
        File.WriteAllText(path, "not a model");

        Assert.NotNull(MachineStateModel.Check(path));
        Assert.Null(MachineStateModel.Check(ModelFiles.Shipped));
    }

    [GeneratedRegex("SHA-256: `([0-9a-f]{64})`")]
    private static partial Regex CardChecksum();
}
