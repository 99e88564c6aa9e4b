using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// The models the agent runs, by reference "name/version": each is loaded once (<see cref="ModelLoader"/>: manifest,
/// SHA-256, session, metadata check) on first use and kept open; the catalogue owns and disposes the sessions.
/// Validators call <see cref="Problem"/> at start so a refused model stops the agent before anything runs.
/// </summary>
internal sealed class ModelCatalogue : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LoadedModel> _loaded = new(StringComparer.Ordinal);
    private readonly InferenceOptions _options;
    private readonly ILogger _logger;
    private bool _disposed;

    public ModelCatalogue(IOptions<InferenceOptions> options, ILogger<ModelCatalogue>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The loaded model; throws <see cref="ModelRejectedException"/> when it cannot be used.</summary>
    public LoadedModel Get(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_loaded.TryGetValue(reference, out var model))
            {
                model = ModelLoader.Load(_options.ModelsPath, _options.CachePath, reference);
                _loaded.Add(reference, model);
                InferenceLog.ModelLoaded(_logger, reference, model.Manifest.Task, model.FilePath, model.Manifest.Sha256);
            }

            return model;
        }
    }

    /// <summary>Loads and checks a model without keeping it; null when it is usable, else why not (model, file, expected vs actual, fix).</summary>
    public static string? Problem(InferenceOptions options, string reference) => Problem(options, reference, _ => null).Refused;

    /// <summary>
    /// <see cref="Problem(InferenceOptions, string)"/> and, on the same load, what <paramref name="fits"/> finds wrong with
    /// the model for its use (its task, its labels): the model is read once.
    /// </summary>
    public static (string? Refused, string? Unfit) Problem(InferenceOptions options, string reference, Func<LoadedModel, string?> fits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fits);
        try
        {
            using var model = ModelLoader.Load(options.ModelsPath, options.CachePath, reference);
            return (null, fits(model));
        }
        catch (ModelRejectedException ex)
        {
            return (ex.Message, null);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var model in _loaded.Values)
            {
                model.Dispose();
            }

            _loaded.Clear();
        }
    }
}
