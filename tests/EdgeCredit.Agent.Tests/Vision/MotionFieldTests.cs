using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

/// <summary>The vectorized motion pass against a plain per-pixel reference of the same definition.</summary>
public sealed class MotionFieldTests
{
    [Theory]
    [InlineData(320, 180, 1.0)]
    [InlineData(320, 180, 0.8)]
    [InlineData(333, 187, 1.7)] // a width that leaves a scalar tail in every row
    [InlineData(64, 36, 0.4)]
    public void Process_BrightnessStepAndMotion_CountsMatchPerPixelReference(int width, int height, double step)
    {
        var random = new Random(width + height);
        var field = new MotionField(width, height, [], new VisionOptions());
        var previous = Frame(random, width, height, 1.0);
        field.Process(previous.ToArray());
        for (var i = 0; i < 4; i++)
        {
            var current = Frame(random, width, height, i == 0 ? step : 1.0);

            var measures = field.Process(current.ToArray());

            var expected = Reference(field, previous, current); // with the threshold this frame used

            Assert.Equal(expected.Counts, field.CellCounts);
            Assert.Equal(expected.Identical, measures.IdenticalShare * width * height, 6);
            Assert.True(expected.Counts.Sum() > 0, "the frames differ somewhere");
            previous = current;
        }
    }

    /// <summary>A fixed texture with sensor noise, a bright block somewhere new each frame, and a brightness factor.</summary>
    private static byte[] Frame(Random random, int width, int height, double brightness)
    {
        var pixels = new byte[width * height];
        var (bx, by) = (random.Next(width - 12), random.Next(height - 12));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var texture = 60 + ((x * 7) ^ (y * 13)) % 120 + random.Next(-3, 4);
                var value = x >= bx && x < bx + 12 && y >= by && y < by + 12 ? 250 : texture;
                pixels[(y * width) + x] = (byte)Math.Clamp((int)(value * brightness), 0, 255);
            }
        }

        return pixels;
    }

    private static (int[] Counts, int Identical) Reference(MotionField field, byte[] previous, byte[] current)
    {
        var grid = field.Grid;
        double Mean(byte[] p) => p.Sum(b => (double)b) / p.Length;
        var (before, now) = (Mean(previous), Mean(current));
        var gain = (float)(now < 1 || before < 1 ? 1 : Math.Clamp(before / now, 0.25, 4));
        var counts = new int[grid.Count];
        var identical = 0;
        for (var y = 0; y < grid.Height; y++)
        {
            for (var x = 0; x < grid.Width; x++)
            {
                var i = (y * grid.Width) + x;
                var scaled = Math.Min(255, (int)((current[i] * gain) + 0.5f));
                if (Math.Abs(scaled - previous[i]) > field.Threshold)
                {
                    counts[((y / grid.CellSize) * grid.Columns) + (x / grid.CellSize)]++;
                }

                identical += current[i] == previous[i] ? 1 : 0;
            }
        }

        return (counts, identical);
    }
}
