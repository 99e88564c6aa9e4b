using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Meters.Ocr;

/// <summary>
/// Builds the OCR meters of section <c>MeterOcr</c> and owns them, their cameras and the shared
/// <see cref="PpOcrEngine"/> (whose sessions the <see cref="ModelCatalogue"/> owns). Without meters no model is loaded
/// and the catalogue is not asked for.
/// </summary>
internal sealed class OcrMeterProvider : IMeterProvider, IDisposable
{
    private readonly OcrMeter[] _meters;
    private readonly PpOcrEngine? _engine;

    /// <param name="cameras">The cameras of <c>Cameras:Sources</c> (borrowed; null when capture is not registered): a meter whose Camera names one reads that camera's stills.</param>
    public OcrMeterProvider(IOptions<MeterOcrOptions> options, Func<ModelCatalogue> catalogue, TimeProvider timeProvider, ILoggerFactory loggerFactory, CameraSet? cameras = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var value = options.Value;
        if (value.Meters.Count == 0)
        {
            _meters = [];
            return;
        }

        var logger = loggerFactory.CreateLogger<OcrMeter>();
        _engine = PpOcrEngine.Create(catalogue(), value.DetectionModel, value.RecognitionModel, value.DetectionSide);
        _meters = new OcrMeter[value.Meters.Count];
        for (var i = 0; i < value.Meters.Count; i++)
        {
            var m = value.Meters[i];
            var shared = string.IsNullOrEmpty(m.Camera)
                ? null
                : cameras?.Cameras.FirstOrDefault(c => c.Camera == m.Camera)
                    ?? throw new InvalidOperationException($"MeterOcr:Meters:{i}:Camera '{m.Camera}' is not a camera of Cameras:Sources");
            _meters[i] = new OcrMeter(new OcrMeterSetup(m, (float)value.MinConfidence, value.RebaselineAfter, value.FfmpegPath), _engine, timeProvider, logger, shared: shared);
            MeterOcrLog.Configured(logger, m.Name, m.Kind, m.Digits, m.Decimals, m.ReadInterval, shared is null ? m.Url : $"camera {m.Camera} (its stills)", m.Region, m.MaxKilowatts);
        }
    }

    public string SectionName => MeterOcrOptions.SectionName;

    public IReadOnlyList<IMeterSource> Meters => _meters;

    public IReadOnlyList<OcrMeter> OcrMeters => _meters;

    public void Dispose()
    {
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }

        _engine?.Dispose();
    }
}
