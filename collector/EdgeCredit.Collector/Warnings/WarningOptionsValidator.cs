using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Warnings;

internal sealed class WarningOptionsValidator : IValidateOptions<WarningOptions>
{
    public ValidateOptionsResult Validate(string? name, WarningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var s = WarningOptions.SectionName;
        problems.Range($"{s}:Interval", options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(6));
        problems.Range($"{s}:CompleteAfter", options.CompleteAfter, TimeSpan.Zero, TimeSpan.FromDays(2));
        problems.Range($"{s}:LookBackDays", options.LookBackDays, 7, 366);
        Check(problems, $"{s}:Default", options.Default, options.LookBackDays);
        foreach (var (industry, rules) in options.Industries)
        {
            Check(problems, $"{s}:Industries:{industry}", rules, options.LookBackDays);
        }

        for (var i = 0; i < options.Pledges.Count; i++)
        {
            problems.Required($"{s}:Pledges:{i}:Enterprise", options.Pledges[i].Enterprise, "the enterprise id the pledged machine belongs to");
            problems.Required($"{s}:Pledges:{i}:Source", options.Pledges[i].Source, "the source (machine region or meter) that measures the pledged machine");
        }

        return problems.ToResult();
    }

    private static void Check(ConfigProblems problems, string key, WarningRules r, int lookBack)
    {
        Share(problems, $"{key}:NoDataCoverage", r.NoDataCoverage);
        Share(problems, $"{key}:VerifiedCoverage", r.VerifiedCoverage);
        if (r.VerifiedCoverage < r.NoDataCoverage)
        {
            problems.Add($"{key}:VerifiedCoverage", r.VerifiedCoverage.ToString(System.Globalization.CultureInfo.InvariantCulture), $"at least NoDataCoverage ({r.NoDataCoverage})");
        }

        Between(problems, $"{key}:ProducingHours", r.ProducingHours, 0.01, 24);
        Between(problems, $"{key}:StoppedHours", r.StoppedHours, 0, r.ProducingHours);
        Share(problems, $"{key}:FlatEnergyShare", r.FlatEnergyShare);
        Between(problems, $"{key}:FlatEnergyKwh", r.FlatEnergyKwh, 0, 1e6);
        Share(problems, $"{key}:QuietActivity", r.QuietActivity);
        Share(problems, $"{key}:BusyActivity", r.BusyActivity);
        Share(problems, $"{key}:HealthyCamera", r.HealthyCamera);
        Share(problems, $"{key}:HiddenCamera", r.HiddenCamera);
        Between(problems, $"{key}:TamperMinutes", r.TamperMinutes, 1, 1440);
        Between(problems, $"{key}:WorkingEnergyShare", r.WorkingEnergyShare, 0.01, 10);
        Between(problems, $"{key}:KwhPerUnitDrift", r.KwhPerUnitDrift, 0.01, 10);
        problems.Range($"{key}:HaltDays", r.HaltDays, 1, lookBack);
        Share(problems, $"{key}:DeclineEntryRatio", r.DeclineEntryRatio);
        Between(problems, $"{key}:DeclineExitRatio", r.DeclineExitRatio, r.DeclineEntryRatio, 1);
        problems.Range($"{key}:DeclineWindowDays", r.DeclineWindowDays, 2, lookBack);
        problems.Range($"{key}:DeclineMinDays", r.DeclineMinDays, 1, r.DeclineWindowDays);
        problems.Range($"{key}:DataGapWatchDays", r.DataGapWatchDays, 1, lookBack);
        problems.Range($"{key}:SensorFaultDays", r.SensorFaultDays, 1, lookBack);
        problems.Range($"{key}:TamperClearDays", r.TamperClearDays, 1, lookBack);
        problems.Range($"{key}:InconsistencyDays", r.InconsistencyDays, 1, 3);
        problems.Range($"{key}:PledgedIdleDays", r.PledgedIdleDays, 1, lookBack);
    }

    private static void Share(ConfigProblems problems, string key, double value) => Between(problems, key, value, 0, 1);

    private static void Between(ConfigProblems problems, string key, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
        {
            var c = System.Globalization.CultureInfo.InvariantCulture;
            problems.Add(key, value.ToString(c), $"allowed {min.ToString(c)} to {max.ToString(c)}");
        }
    }
}
