namespace EdgeCredit.Agent.Inference;

/// <summary>
/// A model that must not run: its manifest is invalid, its file is missing, its checksum differs, or its real inputs
/// and outputs differ from what the manifest declares. The message names the model, the file, expected vs actual, and
/// the fix.
/// </summary>
internal sealed class ModelRejectedException : Exception
{
    public ModelRejectedException()
    {
    }

    public ModelRejectedException(string message)
        : base(message)
    {
    }

    public ModelRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ModelRejectedException(string model, string file, string message, Exception? innerException = null)
        : base($"model {model}, file {file}: {message}", innerException)
    {
        Model = model;
        File = file;
    }

    /// <summary>"name/version" of the refused model.</summary>
    public string Model { get; } = string.Empty;

    /// <summary>The manifest or model file at fault.</summary>
    public string File { get; } = string.Empty;
}
