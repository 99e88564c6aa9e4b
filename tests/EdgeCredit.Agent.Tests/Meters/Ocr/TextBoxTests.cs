using EdgeCredit.Agent.Meters.Ocr;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class TextBoxTests
{
    [Fact]
    public void Lengthened_Level_MovesOnlyTheChosenEnds()
    {
        var box = new TextBox([new(10, 20), new(110, 20), new(110, 50), new(10, 50)], 0.9f);

        var right = box.Lengthened(30, 0, 400, 300)!;
        var left = box.Lengthened(0, 5, 400, 300)!;

        Assert.Equal(new Point2f(10, 20), right.Corners[0]);
        Assert.Equal(new Point2f(140, 20), right.Corners[1]);
        Assert.Equal(new Point2f(140, 50), right.Corners[2]);
        Assert.Equal(130, right.Width, 3);
        Assert.Equal(30, right.Height, 3);
        Assert.Equal(new Point2f(5, 20), left.Corners[0]);
        Assert.Equal(new Point2f(110, 20), left.Corners[1]);
        Assert.Equal(0.9f, right.Score);
    }

    [Fact]
    public void Lengthened_Tilted_FollowsTheLinesDirection()
    {
        // A line rising 3 in 4 to the right: 50 px further along it is 40 right and 30 up.
        var box = new TextBox([new(100, 100), new(180, 40), new(192, 56), new(112, 116)], 0.8f);

        var longer = box.Lengthened(50, 0, 400, 300)!;

        Assert.Equal(220, longer.Corners[1].X, 3);
        Assert.Equal(10, longer.Corners[1].Y, 3);
        Assert.Equal(232, longer.Corners[2].X, 3);
        Assert.Equal(26, longer.Corners[2].Y, 3);
        Assert.Equal(box.Width + 50, longer.Width, 3);
    }

    [Fact]
    public void Lengthened_AtTheImagesEdge_IsCutShortOrRefused()
    {
        var box = new TextBox([new(10, 20), new(170, 20), new(170, 50), new(10, 50)], 0.9f);

        var cut = box.Lengthened(40, 0, 200, 100)!; // 29 px of room to x = 199
        var refused = box.Lengthened(80, 0, 200, 100); // less than half of 80 fits

        Assert.Equal(199, cut.Corners[1].X, 3);
        Assert.Null(refused);
    }
}
