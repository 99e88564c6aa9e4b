using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Inference;

internal static partial class InferenceLog
{
    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Model {Model} ({Task}) loaded from {File}, SHA-256 {Sha256} verified")]
    public static partial void ModelLoaded(ILogger logger, string model, ModelTask task, string file, string sha256);
}
