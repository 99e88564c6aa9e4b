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

    public OcrMeterProvider(IOptions<MeterOcrOptions> options, Func<ModelCatalogue> catalogue, TimeProvider timeProvider, ILoggerFactory loggerFactory)
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
            _meters[i] = new OcrMeter(new OcrMeterSetup(m, (float)value.MinConfidence, value.RebaselineAfter, value.FfmpegPath), _engine, timeProvider, logger);
            MeterOcrLog.Configured(logger, m.Name, m.Kind, m.Digits, m.Decimals, m.ReadInterval, m.Url, m.Region, m.MaxKilowatts);
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
