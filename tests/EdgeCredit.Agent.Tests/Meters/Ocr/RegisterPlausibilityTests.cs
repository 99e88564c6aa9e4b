using EdgeCredit.Agent.Meters.Ocr;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class RegisterPlausibilityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    // 60 kW at 0.1 kWh per step: at most 10 steps per minute (+1 for a turning drum).
    private static RegisterPlausibility Gate() => new(maxKilowatts: 60, unitKwh: 0.1, rebaselineAfter: 4);

    [Fact]
    public void Check_FirstReading_IsHeldUntilASecondAgrees()
    {
        var gate = Gate();

        Assert.Equal(ReadingRejection.Unconfirmed, gate.Check(1000, T0).Rejection);
        Assert.Null(gate.Last);
        Assert.True(gate.Check(1005, T0.AddMinutes(1)).Accepted);
        Assert.Equal(1005, gate.Last!.Value.Units);
    }

    [Fact]
    public void Check_MisreadFirstReading_NeverBecomesTheBaseline()
    {
        var gate = Gate();

        Assert.Equal(ReadingRejection.Unconfirmed, gate.Check(9000, T0).Rejection); // misread
        Assert.Equal(ReadingRejection.Unconfirmed, gate.Check(1000, T0.AddMinutes(1)).Rejection); // 9000 -> 1000 is backwards: start again
        Assert.True(gate.Check(1004, T0.AddMinutes(2)).Accepted);
    }

    [Fact]
    public void Check_Backwards_IsRefused()
    {
        var gate = Confirmed(1000);

        Assert.Equal(ReadingRejection.Backwards, gate.Check(999, T0.AddMinutes(2)).Rejection);
        Assert.Equal(1000, gate.Last!.Value.Units);
    }

    [Fact]
    public void Check_FasterThanMaximumPower_IsRefused()
    {
        var gate = Confirmed(1000);

        Assert.Equal(11, gate.Allowance(TimeSpan.FromMinutes(1)));
        Assert.Equal(ReadingRejection.TooFast, gate.Check(1012, T0.AddMinutes(2)).Rejection);
        Assert.True(gate.Check(1011, T0.AddMinutes(2)).Accepted); // exactly the limit
    }

    [Fact]
    public void Check_DigitMisreadInAHighPlace_IsRefused()
    {
        var gate = Confirmed(123456);

        Assert.Equal(ReadingRejection.TooFast, gate.Check(128456, T0.AddMinutes(2)).Rejection); // 3 -> 8 in the hundreds
        Assert.Equal(ReadingRejection.Backwards, gate.Check(103456, T0.AddMinutes(3)).Rejection); // 2 -> 0
        Assert.True(gate.Check(123460, T0.AddMinutes(4)).Accepted);
    }

    [Fact]
    public void Check_LongGap_AllowsWhatTheMaximumPowerCouldHaveUsed()
    {
        var gate = Confirmed(1000);

        Assert.True(gate.Check(1000 + 600, T0.AddMinutes(61)).Accepted); // 60 kWh in an hour at 60 kW
    }

    [Fact]
    public void Check_ConsistentRefusedRun_BecomesANewBaseline()
    {
        var gate = Confirmed(50000);

        Assert.Equal(ReadingRejection.Backwards, gate.Check(10, T0.AddMinutes(2)).Rejection); // meter replaced
        Assert.Equal(ReadingRejection.Backwards, gate.Check(12, T0.AddMinutes(3)).Rejection);
        Assert.Equal(ReadingRejection.Backwards, gate.Check(15, T0.AddMinutes(4)).Rejection);
        var verdict = gate.Check(16, T0.AddMinutes(5));

        Assert.True(verdict.Accepted);
        Assert.True(verdict.Rebaselined);
        Assert.Equal(16, gate.Last!.Value.Units);
    }

    [Fact]
    public void Check_InconsistentRefusals_NeverRebaseline()
    {
        var gate = Confirmed(50000);

        for (var i = 0; i < 12; i++)
        {
            var misread = i % 2 == 0 ? 90000 : 10; // alternating garbage
            Assert.False(gate.Check(misread, T0.AddMinutes(2 + i)).Accepted);
        }

        Assert.Equal(50000, gate.Last!.Value.Units);
    }

    private static RegisterPlausibility Confirmed(long units)
    {
        var gate = Gate();
        gate.Check(units, T0);
        Assert.True(gate.Check(units, T0.AddMinutes(1)).Accepted);
        return gate;
    }
}
