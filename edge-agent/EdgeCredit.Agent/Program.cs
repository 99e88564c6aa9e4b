using EdgeCredit.Agent.Capture;
using EdgeCredit.Agent.Commissioning;
using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Inference;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.State;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Signals;
using EdgeCredit.Agent.Vision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

if (args is ["commission", .. var rest])
{
    return await CommissionCommand.RunAsync(rest, Console.Out, Console.Error);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddAgentCore().AddInference().AddMeters().AddMachineState().AddCapture().AddVision().AddSignals().AddOutbox().AddPublishing();
using var host = builder.Build();
try
{
    ConfigurationErrors.Validate(host.Services);
    SourceNames.Check(host.Services); // meter, camera and region names must be unique
}
catch (Exception ex) when (ConfigurationErrors.TryDescribe(ex, out var lines))
{
    await Console.Error.WriteLineAsync("EdgeCredit agent: invalid configuration, not starting:");
    foreach (var line in lines)
    {
        await Console.Error.WriteLineAsync("  " + line);
    }

    return ConfigurationErrors.ExitCode;
}

await host.RunAsync();
return 0;
