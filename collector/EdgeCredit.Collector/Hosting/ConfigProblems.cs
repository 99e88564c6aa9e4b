using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Hosting;

/// <summary>
/// Collects configuration problems in one shape: the full key, the value, and what is allowed,
/// so that a bad setting stops start-up with a message an operator can act on.
/// </summary>
internal sealed class ConfigProblems
{
    private readonly List<string> _problems = [];

    public bool Any => _problems.Count > 0;

    public void Add(string key, string? value, string allowed) =>
        _problems.Add($"{key} = '{value ?? "(not set)"}' is invalid: {allowed}. Set it in appsettings.json or on the command line as --{key}=<value>.");

    /// <summary>Adds a problem about a secret setting without echoing its value.</summary>
    public void AddSecret(string key, string allowed) =>
        _problems.Add($"{key} is invalid (value not shown): {allowed}. Set it in appsettings.json or on the command line as --{key}=<value>.");

    public void Range(string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            Add(key, value.ToString(CultureInfo.InvariantCulture), $"allowed {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public void Range(string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            Add(key, value.ToString("c", CultureInfo.InvariantCulture), $"allowed {min:c} to {max:c} (a TimeSpan such as 00:00:05)");
        }
    }

    public void Required(string key, string? value, string allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(key, value, allowed);
        }
    }

    public ValidateOptionsResult ToResult() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);
}
