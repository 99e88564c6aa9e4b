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
        _problems.Add($"{key} = '{value ?? "(not set)"}' is invalid: {allowed}. {Fix(key)}");

    /// <summary>Adds a problem about a secret setting without echoing its value.</summary>
    public void AddSecret(string key, string allowed) =>
        _problems.Add($"{key} is invalid (value not shown): {allowed}. {Fix(key)}");

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

    /// <summary>The three places a setting can be fixed; the environment form suits secrets (a service's environment file).</summary>
    private static string Fix(string key) =>
        $"Set it in appsettings.json, on the command line as --{key}=<value>, or in the environment as {key.Replace(":", "__", StringComparison.Ordinal)}=<value>.";

    public ValidateOptionsResult ToResult() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);
}
