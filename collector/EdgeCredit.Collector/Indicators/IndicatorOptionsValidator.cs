using System.Globalization;
using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Indicators;

internal sealed class IndicatorOptionsValidator : IValidateOptions<IndicatorOptions>
{
    public ValidateOptionsResult Validate(string? name, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var section = IndicatorOptions.SectionName;
        problems.Range($"{section}:Interval", options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        problems.Range($"{section}:BaselineDays", options.BaselineDays, 7, 366);
        problems.Range($"{section}:MinBaselineDays", options.MinBaselineDays, 1, 60);
        problems.Range($"{section}:MaxRangeDays", options.MaxRangeDays, 1, 3660);
        if (!(options.MinBaselineCoverage is >= 0 and <= 1))
        {
            problems.Add($"{section}:MinBaselineCoverage", options.MinBaselineCoverage.ToString(CultureInfo.InvariantCulture), "a share from 0 to 1, e.g. 0.8");
        }

        return problems.ToResult();
    }
}
