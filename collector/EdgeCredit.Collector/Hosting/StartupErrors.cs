using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Hosting;

/// <summary>Turns configuration failures at start into plain lines for stderr.</summary>
internal static class StartupErrors
{
    public static bool TryDescribe(Exception exception, out IReadOnlyList<string> lines)
    {
        var found = new List<string>();
        Collect(exception, found);

        // A section another validator reads (Tenancy from Api) fails in both places: say each problem once.
        lines = found.Distinct(StringComparer.Ordinal).ToList();
        return found.Count > 0;
    }

    private static void Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                lines.AddRange(validation.Failures.Select(f => "configuration error: " + f));
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;
            case InvalidOperationException invalid when invalid.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                // The binder names the key and the target type; the inner exception names the value.
                lines.Add($"configuration error: {invalid.Message} {invalid.InnerException?.Message}".TrimEnd());
                break;
            default:
                break;
        }
    }
}
