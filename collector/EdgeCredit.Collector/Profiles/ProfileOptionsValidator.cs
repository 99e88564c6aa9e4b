using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Profiles;

internal sealed class ProfileOptionsValidator : IValidateOptions<ProfileOptions>
{
    public ValidateOptionsResult Validate(string? name, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        problems.Range($"{ProfileOptions.SectionName}:Interval", options.Interval, TimeSpan.FromSeconds(5), TimeSpan.FromDays(1));
        problems.Range($"{ProfileOptions.SectionName}:MaxAge", options.MaxAge, TimeSpan.FromSeconds(5), TimeSpan.FromDays(2));
        return problems.ToResult();
    }
}
