using System.Text.Json.Nodes;
using EdgeCredit.Agent.Inference;

namespace EdgeCredit.Agent.Tests.Inference;

/// <summary>
/// The detection and classification contracts through real ONNX Runtime on the tiny fixture models
/// (<c>Fixtures/make_fixtures.py</c>): four fixed boxes in input pixels, decoded from the v5 and v8 layouts.
/// </summary>
public sealed class DetectionContractTests : IDisposable
{
    private static readonly DetectionSettings Settings = new(0.25f, 0.45f);
    private readonly ModelFolder _folder = new();
    private readonly ModelCatalogue _catalogue;

    public DetectionContractTests()
    {
        _folder.Add("yolov5.onnx", Manifest("tiny-v5", "yolov5.onnx", "yolov5", [1, 3, 64, 64], "rgb"));
        _folder.Add("yolov8.onnx", Manifest("tiny-v8", "yolov8.onnx", "yolov8", [-1, 1, 64, 64], "gray"));
        _folder.Add("classifier.onnx", ModelFolder.ClassifierManifest(ModelFolder.Sha256Of(ModelFolder.Fixture("classifier.onnx"))));
        _catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(_folder.Options));
    }

    [Theory]
    [InlineData("tiny-v5/1")]
    [InlineData("tiny-v8/1")]
    public void Detect_FixtureLayout_ThresholdNmsAndLetterboxMappedToFramePixels(string model)
    {
        var detector = new ObjectDetector(_catalogue.Get(model));
        var frame = new byte[128 * 64]; // letterboxed into 64x64: scale 0.5, 16 rows of padding above and below

        var found = detector.Detect(frame, 128, 64, Settings);

        // Box 2 (same item, weaker) is suppressed; box 3 (a person over the item) is another class and stays;
        // box 4 scores 0.2 x 0.9 = 0.18 < 0.25 and is dropped.
        Assert.Equal(2, found.Count);
        AssertBox(found[0], 0, "item", 0.855f, 30, 20, 50, 36);
        AssertBox(found[1], 1, "person", 0.72f, 32, 8, 56, 48);
    }

    [Fact]
    public void Detect_SeveralCropsDynamicBatch_OneRunEachCropMappedToItsOffset()
    {
        var detector = new ObjectDetector(_catalogue.Get("tiny-v8/1"), maxBatch: 2);
        var frame = new byte[320 * 180];
        PixelRect[] crops = [new(0, 0, 64, 64), new(100, 50, 128, 64), new(200, 100, 32, 32)];

        var found = detector.Detect(frame, 320, crops, Settings);

        Assert.Equal(2, detector.MaxBatch);
        Assert.Equal(3, found.Count);
        AssertBox(found[0][0], 0, "item", 0.855f, 15, 26, 25, 34);            // 64x64 crop: scale 1, no padding
        AssertBox(found[1][0], 0, "item", 0.855f, 130, 70, 150, 86);          // as the whole-frame case, shifted by (100, 50)
        AssertBox(found[2][1], 1, "person", 0.72f, 208, 110, 214, 120);       // 32x32 crop: scale 2
    }

    [Fact]
    public void Detect_FixedBatchModel_RunsCropsOneByOne()
    {
        var detector = new ObjectDetector(_catalogue.Get("tiny-v5/1"), maxBatch: 8);

        var found = detector.Detect(new byte[64 * 64 * 2], 64, [new(0, 0, 64, 64), new(0, 64, 64, 64)], Settings);

        Assert.Equal(1, detector.MaxBatch);
        Assert.Equal(26 + 64, found[1][0].Y0, 3);
    }

    [Fact]
    public void Decode_HandBuiltV8Tensor_SameBoxesAsV5Tensor()
    {
        // Two boxes, two classes. v5 rows: cx, cy, w, h, obj, c0, c1.  v8 rows: cx.., cy.., w.., h.., c0.., c1..
        float[] v5 = [10, 10, 4, 4, 1, 0.3f, 0.9f, 30, 12, 6, 2, 0.5f, 0.8f, 0.1f];
        float[] v8 = [10, 30, 10, 12, 4, 6, 4, 2, 0.3f, 0.4f, 0.9f, 0.05f];
        var letterbox = Letterbox.For(ResizeMode.Letterbox, 40, 20, 40, 40);
        string[] labels = ["item", "person"];

        var a = YoloDecoder.Decode(v5, OutputLayout.YoloV5, 2, labels, letterbox, Settings);
        var b = YoloDecoder.Decode(v8, OutputLayout.YoloV8, 2, labels, letterbox, Settings);

        Assert.Equal(a, b);
        AssertBox(a[0], 1, "person", 0.9f, 8, -2, 12, 2);
        AssertBox(a[1], 0, "item", 0.4f, 27, 1, 33, 3);
    }

    [Fact]
    public void Suppress_OverlapSameClass_KeepsBestOnly_OtherClassKept()
    {
        List<Detection> boxes =
        [
            new(0, "item", 0.6f, 0, 0, 10, 10),
            new(0, "item", 0.9f, 1, 1, 11, 11),
            new(1, "person", 0.5f, 0, 0, 10, 10),
            new(0, "item", 0.7f, 20, 20, 30, 30),
        ];

        var kept = YoloDecoder.Suppress(boxes, Settings);

        Assert.Equal([0.9f, 0.7f, 0.5f], kept.Select(k => k.Score));
    }

    [Theory]
    [InlineData(255, "bright")]
    [InlineData(40, "dark")]
    [InlineData(0, "dark")]
    public void Classify_GreyLevel_TopLabelAndSoftmaxProbability(byte grey, string expected)
    {
        var classifier = new ImageClassifier(_catalogue.Get("tiny-classifier/1"));
        var frame = Enumerable.Repeat(grey, 32 * 16).ToArray();

        var result = classifier.Classify(frame, 32, [new PixelRect(0, 0, 16, 16), new PixelRect(16, 0, 16, 16)], top: 3);

        Assert.All(result, r => Assert.Equal(expected, r[0].Name));
        Assert.Equal(1.0, result[0].Sum(c => c.Probability), 4);
        var m = grey / 255.0;
        double[] logits = [4 * m, 2, 4 * (1 - m)];
        var expectedP = logits.Max() is var max ? Math.Exp(max - max) / logits.Sum(l => Math.Exp(l - max)) : 0;
        Assert.Equal(expectedP, result[0][0].Probability, 3);
    }

    [Fact]
    public void Write_Letterbox_PadsWithPadValueAndScalesPixels()
    {
        var writer = new InputWriter(new ModelInput { Name = "x", Shape = [1, 1, 4, 4], Colour = ColourOrder.Gray, Resize = ResizeMode.Letterbox, PadValue = 114 });
        var slot = new float[16];

        var box = writer.Write(Enumerable.Repeat((byte)200, 8).ToArray(), 4, new PixelRect(0, 0, 4, 2), slot);

        Assert.Equal((1.0, 1.0, 0.0, 1.0), (box.ScaleX, box.ScaleY, box.PadX, box.PadY));
        Assert.All(slot[..4].Concat(slot[12..]), v => Assert.Equal(114 / 255f, v, 5));
        Assert.All(slot[4..12], v => Assert.Equal(200 / 255f, v, 5));
    }

    public void Dispose()
    {
        _catalogue.Dispose();
        _folder.Dispose();
    }

    private static void AssertBox(Detection d, int label, string name, float score, float x0, float y0, float x1, float y1)
    {
        Assert.Equal((label, name), (d.Label, d.Name));
        Assert.Equal(score, d.Score, 3);
        Assert.Equal(x0, d.X0, 3);
        Assert.Equal(y0, d.Y0, 3);
        Assert.Equal(x1, d.X1, 3);
        Assert.Equal(y1, d.Y1, 3);
    }

    private static JsonObject Manifest(string name, string file, string layout, int[] shape, string colour) => new()
    {
        ["schema"] = "edgecredit.model/1",
        ["name"] = name,
        ["version"] = "1",
        ["task"] = "detection",
        ["file"] = file,
        ["sha256"] = ModelFolder.Sha256Of(ModelFolder.Fixture(file)),
        ["input"] = new JsonObject
        {
            ["name"] = "images",
            ["shape"] = new JsonArray([.. shape.Select(d => (JsonNode)d)]),
            ["colour"] = colour,
            ["resize"] = "letterbox",
        },
        ["outputs"] = new JsonArray(new JsonObject { ["name"] = "output0", ["layout"] = layout }),
        ["labels"] = new JsonArray("item", "person"),
        ["card"] = "MODEL_CARD.md",
    };
}
