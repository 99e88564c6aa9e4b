using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Clamp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Agent.Tests.Meters.Clamp;

public sealed class ClampOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Agent:Enterprise"] = "acme",
        ["Agent:Device"] = "gw-01",
        ["Clamp:Meters:0:Name"] = "lathe-1",
        ["Clamp:Meters:0:Address"] = "0x49",
        ["Clamp:Meters:0:Channel"] = "AIN0_AIN1",
        ["Clamp:Meters:1:Name"] = "lathe-2",
        ["Clamp:Meters:1:Channel"] = "AIN2_AIN3",
        ["Clamp:Meters:1:Driver"] = "Simulated",
    };

    [Fact]
    public void Validate_ValidMeters_PassesAndReadsHexAddress()
    {
        using var host = Build(Valid);

        Assert.Empty(Problems());
        Assert.Equal(0x49, host.Services.GetRequiredService<IOptions<ClampOptions>>().Value.Meters[0].Address);
    }

    [Theory]
    [InlineData("Clamp:Meters:0:Address", "80", "0x48 to 0x4B")]
    [InlineData("Clamp:Meters:0:Phases", "2", "allowed 1 or 3")]
    [InlineData("Clamp:Meters:0:PowerFactor", "0", "more than 0 up to 1")]
    [InlineData("Clamp:Meters:0:PowerFactor", "1.2", "more than 0 up to 1")]
    [InlineData("Clamp:Meters:0:Voltage", "0", "allowed 1 to 1000")]
    [InlineData("Clamp:Meters:0:AmpsPerVolt", "0", "allowed 0.001 to 10000")]
    [InlineData("Clamp:Meters:0:SampleRate", "2000", "allowed 1 to 860")]
    [InlineData("Clamp:Meters:0:StaleAfter", "00:00:00.5000000", "allowed 00:00:01 to 00:10:00")]
    [InlineData("Clamp:Meters:0:Bus", "300", "allowed 0 to 255")]
    [InlineData("Clamp:Meters:1:Simulation:FrequencyHz", "0", "allowed 1 to 1000")]
    public void Validate_BadValue_NamesKeyValueAndWhatIsAllowed(string key, string value, string allowed)
    {
        var problems = Problems((key, value));

        var line = Assert.Single(problems, p => p.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoClampsOnOneInput_Refused()
    {
        var problems = Problems(("Clamp:Meters:1:Driver", "Hardware"), ("Clamp:Meters:1:Address", "0x49"), ("Clamp:Meters:1:Channel", "AIN0_AIN1"));

        Assert.Contains(problems, p => p.StartsWith("Clamp:Meters:1:Channel = 'AIN0_AIN1'", StringComparison.Ordinal) && p.Contains("Clamp:Meters:0", StringComparison.Ordinal));
    }

    [Fact]
    public void AddClampMeters_ValidConfiguration_RegistersTheProviderWithItsMeters()
    {
        using var host = Build(Valid);

        var provider = Assert.Single(host.Services.GetServices<IMeterProvider>());
        Assert.Equal("Clamp", provider.SectionName);
        Assert.Equal(["lathe-1", "lathe-2"], provider.Meters.Select(m => m.Name));
    }

    private static IHost Build(Dictionary<string, string?> values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddAgentCore().AddClampMeters();
        return builder.Build();
    }

    private static List<string> Problems(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        using var host = Build(values);
        try
        {
            ConfigurationErrors.Validate(host.Services);
            return [];
        }
        catch (Exception ex) when (ConfigurationErrors.TryDescribe(ex, out var lines))
        {
            return [.. lines];
        }
    }
}
