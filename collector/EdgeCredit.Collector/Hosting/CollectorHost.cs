using EdgeCredit.Collector.Api;
using EdgeCredit.Collector.Broker;
using EdgeCredit.Collector.Demo;
using EdgeCredit.Collector.Devices;
using EdgeCredit.Collector.Indicators;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Profiles;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Collector.Tenancy;
using EdgeCredit.Collector.Warnings;
using EdgeCredit.Collector.Webhooks;
using EdgeCredit.Collector.TimeSeries;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Hosting;

/// <summary>Builds the collector's web application: the only place where the stages are wired together.</summary>
internal static class CollectorHost
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json sits beside the binary; data paths stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddStorage();
        builder.AddDevices();
        builder.AddTenancy();
        builder.AddIngest();
        builder.AddBroker();
        builder.AddWebhooks();
        builder.AddTimeSeries();
        builder.AddApi();
        builder.AddIndicators();
        builder.AddWarnings();
        builder.AddProfiles();
        builder.AddDemo();
        var app = builder.Build();

        // Validate every options section now, so one start reports all configuration problems at once; the host
        // would otherwise stop at the first hosted service whose constructor reads a bad section.
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.MapApi();
        return app;
    }
}
