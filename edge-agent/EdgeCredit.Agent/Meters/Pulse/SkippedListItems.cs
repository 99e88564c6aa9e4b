using System.Text.RegularExpressions;
using EdgeCredit.Agent.Hosting;
using Microsoft.Extensions.Configuration;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>
/// The configuration binder silently skips an item of a list when one of its values cannot be converted (a typo in an
/// enum such as <c>PullMode=Sideways</c> makes the whole meter disappear). This finds such items and reports the value
/// the binder choked on, naming the key, the value and what is allowed. Used by the Pulse and Clamp validators.
/// </summary>
internal static partial class SkippedListItems
{
    public static void Check<T>(OptionsProblems problems, IConfiguration? configuration, string listKey, int boundCount)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (configuration is null)
        {
            return;
        }

        var items = configuration.GetSection(listKey).GetChildren().ToList();
        if (items.Count == boundCount)
        {
            return;
        }

        foreach (var item in items)
        {
            try
            {
                item.Get<T>();
            }
            catch (InvalidOperationException ex)
            {
                var match = BinderMessage().Match(ex.Message);
                if (!match.Success)
                {
                    problems.Add(item.Path, "(the item)", $"cannot be read: {ex.Message}");
                    continue;
                }

                var type = typeof(T).Assembly.GetType(match.Groups["type"].Value) ?? Type.GetType(match.Groups["type"].Value);
                var allowed = type is { IsEnum: true } ? $"allowed {string.Join(", ", Enum.GetNames(type))}" : $"must be a {type?.Name ?? match.Groups["type"].Value}";
                problems.Add(match.Groups["key"].Value, match.Groups["value"].Value, allowed);
            }
        }
    }

    [GeneratedRegex("value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
