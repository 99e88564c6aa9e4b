using System.Globalization;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

/// <summary>
/// Collects configuration problems as lines that name the full key, the value found and what is allowed,
/// for example <c>Publishing:Port = '0' is invalid: allowed 1..65535.</c>
/// </summary>
internal sealed class OptionsProblems
{
    private readonly List<string> _failures = [];

    public int Count => _failures.Count;

    public void Add(string key, object? value, string allowed) =>
        _failures.Add($"{key} = '{Format(value)}' is invalid: {allowed}. Fix it in appsettings.json, pass --{key}=<value>, or set {key.Replace(":", "__", StringComparison.Ordinal)}=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).");

    public void Range<T>(string key, T value, T minimum, T maximum)
        where T : IComparable<T>
    {
        if (value.CompareTo(minimum) < 0 || value.CompareTo(maximum) > 0)
        {
            Add(key, value, $"allowed {Format(minimum)} to {Format(maximum)}");
        }
    }

    public void Identifier(string key, string? value)
    {
        if (!Protocol.ProtocolLimits.IsIdentifier(value))
        {
            Add(key, value, "must be 1 to 64 characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    /// <summary>Checks a signal source name (meters, cameras, regions); true when it is valid.</summary>
    public bool SourceName(string key, string? value)
    {
        if (Protocol.ProtocolLimits.SourcePattern().IsMatch(value ?? string.Empty))
        {
            return true;
        }

        Add(key, value, "must be 1 to 64 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        return false;
    }

    public void FileExists(string key, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            Add(key, path, "the file does not exist (give an existing file path, absolute or relative to the working directory)");
        }
    }

    public ValidateOptionsResult ToResult() =>
        _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    internal static string Format(object? value) => value switch
    {
        null => "(not set)",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
