using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Inference;

/// <summary>
/// Checks at start every model listed in <c>Inference:Models</c>: manifest, file, SHA-256, and the real input and
/// output shapes against the manifest. A refused model stops the agent with a line naming the key, the model, the file,
/// expected vs actual, and the fix.
/// </summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelsDirectory))
        {
            failures.Add($"{InferenceOptions.SectionName}:{nameof(options.ModelsDirectory)} = '' is invalid: give the folder holding <name>/<version>/model.json (default 'models' beside the agent).");
        }

        if (string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            failures.Add($"{InferenceOptions.SectionName}:{nameof(options.CacheDirectory)} = '' is invalid: give the folder the model fetch scripts fill (default 'models-cache' beside the agent).");
        }

        for (var i = 0; i < options.Models.Count && failures.Count == 0; i++)
        {
            if (ModelCatalogue.Problem(options, options.Models[i]) is { } problem)
            {
                failures.Add($"{InferenceOptions.SectionName}:{nameof(options.Models)}:{i} = '{options.Models[i]}' is refused: {problem}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
