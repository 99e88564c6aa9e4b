using EdgeCredit.Agent.Meters.Ocr;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class RegisterParserTests
{
    [Theory]
    [InlineData("0012345.6", 8, 1, true, 123456)]
    [InlineData("00123456", 8, 1, true, 123456)] // implied point (drums: decimals on red wheels)
    [InlineData("0012345", 7, 0, true, 12345)]
    [InlineData("1234.56", 6, 2, true, 123456)]
    [InlineData("12345.6", 8, 1, false, 123456)] // leading zeros blanked
    [InlineData(".0012345.6.", 8, 1, true, 123456)] // stray points at the ends (a border read as a dot)
    public void TryParse_ValidFormats_GiveUnitsOfTheLastDigit(string text, int digits, int decimals, bool leadingZeros, long expected)
    {
        var rejection = RegisterParser.TryParse(text, new RegisterFormat(digits, decimals, leadingZeros), out var units);

        Assert.Equal(ReadingRejection.None, rejection);
        Assert.Equal(expected, units);
    }

    [Theory]
    [InlineData("01234.5", 7, 1, true, "DigitCount")] // a digit lost
    [InlineData("0012345.6", 7, 1, true, "DigitCount")] // a digit added
    [InlineData("00123.45", 7, 1, true, "DecimalPoint")] // point in the wrong place: a tenfold error
    [InlineData("0012.34.5", 7, 1, true, "DecimalPoint")]
    [InlineData("01234.5", 6, 0, true, "DecimalPoint")] // a point on a display without decimals
    [InlineData("", 7, 1, true, "NoText")]
    [InlineData("..", 7, 1, true, "NoText")]
    [InlineData("5", 7, 1, false, "DigitCount")] // blanked zeros, but fewer digits than the decimals need
    public void TryParse_WrongFormats_AreRefusedWithTheirReason(string text, int digits, int decimals, bool leadingZeros, string expected)
    {
        var rejection = RegisterParser.TryParse(text, new RegisterFormat(digits, decimals, leadingZeros), out _);

        Assert.Equal(Enum.Parse<ReadingRejection>(expected), rejection);
    }
}
