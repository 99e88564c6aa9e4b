using EdgeCredit.Agent.Vision;

namespace EdgeCredit.Agent.Tests.Vision;

public sealed class ThumbnailTests
{
    [Theory]
    [InlineData(320, 180)] // half width: the vectorized 2 x 2 path
    [InlineData(640, 360)] // 4 x 4
    [InlineData(350, 200)] // no whole factor
    public void Update_RandomFrame_RoundedAreaMeans(int width, int height)
    {
        var random = new Random(width);
        var frame = new byte[width * height];
        random.NextBytes(frame);
        var thumbnail = new Thumbnail(width, height);

        thumbnail.Update(frame);

        var (w, h) = (thumbnail.ThumbWidth, thumbnail.ThumbHeight);
        var sums = new int[w * h];
        var counts = new int[w * h];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var cell = ((int)((long)y * h / height) * w) + (int)((long)x * w / width);
                sums[cell] += frame[(y * width) + x];
                counts[cell]++;
            }
        }

        Assert.Equal(sums.Select((s, i) => (byte)((s + (counts[i] / 2)) / counts[i])), thumbnail.Pixels);
    }
}
