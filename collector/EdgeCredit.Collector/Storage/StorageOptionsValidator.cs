using EdgeCredit.Collector.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new ConfigProblems();
        var section = StorageOptions.SectionName;
        problems.Required($"{section}:Path", options.Path, "a file path for the SQLite database, e.g. data/collector/collector.db");
        if (!string.IsNullOrWhiteSpace(options.Path) && options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add($"{section}:Path", options.Path, "a valid file path");
        }

        if (!Enum.IsDefined(options.Synchronous))
        {
            problems.Add($"{section}:Synchronous", options.Synchronous.ToString(), "Full or Normal");
        }

        problems.Range($"{section}:BusyTimeout", options.BusyTimeout, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        return problems.ToResult();
    }
}
