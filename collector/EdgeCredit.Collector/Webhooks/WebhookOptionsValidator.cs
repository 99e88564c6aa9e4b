using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Webhooks;

internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var s = WebhookOptions.SectionName;
        problems.Range($"{s}:{nameof(options.AttemptTimeout)}", options.AttemptTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        problems.Range($"{s}:{nameof(options.RetryMin)}", options.RetryMin, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1));
        problems.Range($"{s}:{nameof(options.RetryMax)}", options.RetryMax, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(6));
        if (options.RetryMax < options.RetryMin)
        {
            problems.Add($"{s}:{nameof(options.RetryMax)}", options.RetryMax.ToString("c", System.Globalization.CultureInfo.InvariantCulture), $"at least RetryMin ({options.RetryMin:c})");
        }

        problems.Range($"{s}:{nameof(options.GiveUpAfter)}", options.GiveUpAfter, TimeSpan.FromMinutes(1), TimeSpan.FromDays(30));
        problems.Range($"{s}:{nameof(options.PollInterval)}", options.PollInterval, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(1));
        problems.Range($"{s}:{nameof(options.BatchSize)}", options.BatchSize, 1, 10_000);
        return problems.ToResult();
    }
}
