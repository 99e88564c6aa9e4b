using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

/// <summary>Turns start-up configuration failures into plain lines for stderr (no stack traces).</summary>
internal static class ConfigurationErrors
{
    /// <summary>Exit code of a start refused because of configuration.</summary>
    public const int ExitCode = 2;

    /// <summary>Binds and validates every option registered with ValidateOnStart; throws what <see cref="TryDescribe"/> understands.</summary>
    public static void Validate(IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();

    public static bool TryDescribe(Exception exception, out IReadOnlyList<string> lines)
    {
        var found = new List<string>();
        Collect(exception, found);
        lines = found;
        return found.Count > 0;
    }

    private static void Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case OptionsValidationException ove:
                lines.AddRange(ove.Failures);
                break;
            case AggregateException ae:
                foreach (var inner in ae.InnerExceptions)
                {
                    Collect(inner, lines);
                }

                break;

            // The configuration binder names the key, the value and the target type, e.g. a port that is not a number.
            case InvalidOperationException ioe when ioe.Source == "Microsoft.Extensions.Configuration.Binder":
                lines.Add(ioe.Message);
                break;
        }
    }
}
