using EdgeCredit.Agent.Meters.Ocr;
using OpenCvSharp;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

public sealed class GhostSuppressionTests
{
    [Fact]
    public void SuppressGhosts_FaintUnlitSegments_TurnWhiteAndLitOnesStayDark()
    {
        // A dark-on-light "1" (two lit strokes at grey 40) beside the faint strokes of its unlit segments (grey 205) on
        // a light ground (grey 235), as an LCD's digit cell looks once it is dark-on-light.
        using var line = new Mat(48, 40, MatType.CV_8UC1, Scalar.All(235));
        Cv2.Rectangle(line, new Rect(28, 4, 5, 40), Scalar.All(40), -1);
        Cv2.Rectangle(line, new Rect(8, 4, 20, 4), Scalar.All(205), -1);
        Cv2.Rectangle(line, new Rect(6, 8, 4, 32), Scalar.All(205), -1);

        TextRecognizer.SuppressGhosts(line);

        Assert.Equal(0, line.At<byte>(20, 30));
        Assert.Equal(255, line.At<byte>(5, 15));
        Assert.Equal(255, line.At<byte>(20, 7));
        Assert.Equal(255, line.At<byte>(30, 20));
    }

    [Fact]
    public void SuppressGhosts_StrokeEdges_KeepTheirGreys()
    {
        // A blurred stroke: its edge greys between the stroke and the ground stay grey (the recogniser reads shapes
        // from them), only what lies above the cut turns white.
        using var line = new Mat(48, 40, MatType.CV_8UC1, Scalar.All(230));
        Cv2.Rectangle(line, new Rect(16, 4, 8, 40), Scalar.All(30), -1);
        Cv2.GaussianBlur(line, line, new Size(0, 0), 2);
        var edgeBefore = line.At<byte>(24, 15);

        TextRecognizer.SuppressGhosts(line);

        var edgeAfter = line.At<byte>(24, 15);
        Assert.InRange(edgeBefore, 60, 200);
        Assert.InRange(edgeAfter, 1, 254);
        Assert.Equal(255, line.At<byte>(24, 2));
    }
}
