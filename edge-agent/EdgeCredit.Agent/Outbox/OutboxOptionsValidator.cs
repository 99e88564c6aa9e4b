using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Outbox;

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        problems.Range($"{OutboxOptions.SectionName}:{nameof(OutboxOptions.MaxBytes)}", options.MaxBytes, OutboxOptions.MiB, 64 * 1024 * OutboxOptions.MiB);
        return problems.ToResult();
    }
}
