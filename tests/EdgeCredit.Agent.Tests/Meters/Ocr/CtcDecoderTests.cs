using EdgeCredit.Agent.Meters.Ocr;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class CtcDecoderTests
{
    // A small keys file: class k is line k (1-based); 0 is blank, Count + 1 the space.
    private static readonly string[] Keys = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ".", "O", "k", "W"];

    [Fact]
    public void Decode_RepeatsMergeAndBlanksSeparate()
    {
        var decoder = new CtcDecoder(Keys);
        var steps = Steps(decoder, ("1", 0.9f), ("1", 0.95f), (null, 0.9f), ("1", 0.8f), (".", 0.7f), ("5", 0.99f));

        var text = decoder.Decode(steps, steps.Length / decoder.Classes);

        Assert.Equal("11.5", text.Text);
        Assert.Equal([0.95f, 0.8f, 0.7f, 0.99f], text.Confidences);
        Assert.Equal(0.8f, text.MinDigitConfidence); // the point does not count
    }

    [Fact]
    public void Decode_LookAlikeLetter_CountsAsItsDigit()
    {
        var decoder = new CtcDecoder(Keys);
        var steps = Steps(decoder, ("O", 0.9f), (null, 0.9f), ("7", 0.9f));

        var text = decoder.Decode(steps, steps.Length / decoder.Classes);

        Assert.Equal("07", text.Text);
        Assert.Equal(0, text.Foreign);
    }

    [Fact]
    public void Decode_ForeignCharacterForcedToADigit_HasLowConfidence()
    {
        var decoder = new CtcDecoder(Keys);
        var steps = Steps(decoder, ("4", 0.95f), ("k", 0.7f, "3", 0.2f));

        var text = decoder.Decode(steps, steps.Length / decoder.Classes);

        Assert.Equal("43", text.Text);
        Assert.Equal(1, text.Foreign);
        Assert.True(text.MinDigitConfidence <= 0.3f);
    }

    [Fact]
    public void Constructor_KeysWithoutDigits_AreRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CtcDecoder(["a", "b"]));

        Assert.Contains("not a PP-OCR keys file", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>One row per step: the named key gets the probability, the blank the rest (or a second key when given).</summary>
    private static float[] Steps(CtcDecoder decoder, params (string? Key, float P, string? Second, float P2)[] rows)
    {
        var data = new float[rows.Length * decoder.Classes];
        for (var t = 0; t < rows.Length; t++)
        {
            var (key, p, second, p2) = rows[t];
            var row = data.AsSpan(t * decoder.Classes, decoder.Classes);
            row[key is null ? 0 : Array.IndexOf(Keys, key) + 1] = p;
            if (second is not null)
            {
                row[Array.IndexOf(Keys, second) + 1] = p2;
            }

            row[0] += 1 - p - p2;
        }

        return data;
    }

    private static float[] Steps(CtcDecoder decoder, params (string? Key, float P)[] rows) =>
        Steps(decoder, rows.Select(r => (r.Key, r.P, (string?)null, 0f)).ToArray());

    private static float[] Steps(CtcDecoder decoder, (string? Key, float P) first, (string Key, float P, string Second, float P2) second) =>
        Steps(decoder, [(first.Key, first.P, null, 0f), (second.Key, second.P, second.Second, second.P2)]);
}
