using EdgeCredit.Collector.Demo;
using EdgeCredit.Collector.Hosting;

if (CollectorCli.TryRun(args, Console.Out, Console.Error) is { } verbExitCode)
{
    return verbExitCode;
}

try
{
    if (args.FirstOrDefault() == DemoHistoryVerb.Name)
    {
        return await DemoHistoryVerb.RunAsync(args[1..]);
    }

    await using var app = CollectorHost.Build(args);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupErrors.TryDescribe(ex, out var lines))
{
    foreach (var line in lines)
    {
        await Console.Error.WriteLineAsync(line);
    }

    return 2;
}
