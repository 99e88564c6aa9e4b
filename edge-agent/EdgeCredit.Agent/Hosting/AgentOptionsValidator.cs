using EdgeCredit.Protocol;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Hosting;

internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    private const string Prefix = AgentOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new OptionsProblems();
        problems.Identifier(Prefix + nameof(AgentOptions.Enterprise), options.Enterprise);
        problems.Identifier(Prefix + nameof(AgentOptions.Device), options.Device);

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            problems.Add(Prefix + nameof(AgentOptions.DataDirectory), options.DataDirectory, "give a directory path (default data/agent)");
        }
        else if (File.Exists(options.DataDirectory))
        {
            problems.Add(Prefix + nameof(AgentOptions.DataDirectory), options.DataDirectory, "names a file; give a directory path");
        }

        var windowKey = Prefix + nameof(AgentOptions.Window);
        if (options.Window < ProtocolLimits.MinWindow || options.Window > ProtocolLimits.MaxWindow)
        {
            problems.Add(windowKey, options.Window, "allowed 00:00:01 to 01:00:00");
        }
        else if (options.Window.Ticks % TimeSpan.TicksPerSecond != 0 || TimeSpan.TicksPerDay % options.Window.Ticks != 0)
        {
            problems.Add(windowKey, options.Window, "must be whole seconds that divide a day evenly (for example 00:00:30, 00:01:00, 00:05:00, 00:15:00)");
        }

        problems.Range(Prefix + nameof(AgentOptions.SampleInterval), options.SampleInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(1));
        return problems.ToResult();
    }
}
