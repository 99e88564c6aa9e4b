using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters.Ocr;
using EdgeCredit.Testing.Infrastructure;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Meters.Ocr;

/// <summary>
/// The real PP-OCRv4 models through the model catalogue: manifests from the repository's models/, files from the cache
/// that models/ppocr-v4/fetch.sh fills (tests/run.sh runs it). Loaded once for the collection.
/// </summary>
public sealed class OcrModelsFixture : IDisposable
{
    private readonly ModelCatalogue _catalogue;

    public OcrModelsFixture()
    {
        Options = new InferenceOptions { ModelsDirectory = Path.Combine(RepoPaths.Root, "models"), CacheDirectory = MeterOcrDefaults.FetchCache };
        _catalogue = new ModelCatalogue(Microsoft.Extensions.Options.Options.Create(Options));
        Engine = PpOcrEngine.Create(_catalogue, PpOcrEngine.DefaultDetectionModel, PpOcrEngine.DefaultRecognitionModel, MeterOcrDefaults.DetectionSide);
    }

    internal InferenceOptions Options { get; }

    internal PpOcrEngine Engine { get; }

    public void Dispose()
    {
        Engine.Dispose();
        _catalogue.Dispose();
    }
}
