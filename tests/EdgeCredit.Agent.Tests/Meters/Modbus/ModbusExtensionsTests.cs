using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Modbus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

public sealed class ModbusExtensionsTests
{
    [Fact]
    public async Task AddModbusMeters_ValidSection_ProviderBuildsTheMetersAndClosesThemOnDispose()
    {
        var builder = Builder(("Modbus:Meters:0:Model", "pm"));
        builder.AddModbusMeters();
        builder.AddModbusMeters(); // twice is harmless

        ModbusMeter meter;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var provider = Assert.Single(host.Services.GetServices<IMeterProvider>());
            Assert.Equal("Modbus", provider.SectionName);
            Assert.Equal(["press-1"], provider.Meters.Select(m => m.Name));
            meter = Assert.IsType<ModbusMeter>(provider.Meters[0]);
            await host.StopAsync();
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => meter.PollOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddModbusMeters_UnknownModel_StopsTheHostAtStart()
    {
        var builder = Builder(("Modbus:Meters:0:Model", "nope"));
        builder.AddModbusMeters();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Modbus:Meters:0:Model = 'nope' is invalid", error.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] extra)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Modbus:Models:pm:0:Quantity"] = "Power",
            ["Modbus:Meters:0:Name"] = "press-1",
            ["Modbus:Meters:0:Host"] = "127.0.0.1",
            ["Modbus:Meters:0:Port"] = "1",
        });
        builder.Configuration.AddInMemoryCollection(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)));
        return builder;
    }
}
