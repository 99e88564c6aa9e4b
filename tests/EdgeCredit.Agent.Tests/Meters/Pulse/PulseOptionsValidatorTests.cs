using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Meters.Pulse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulseOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Agent:Enterprise"] = "acme",
        ["Agent:Device"] = "gw-01",
        ["Pulse:Meters:0:Name"] = "press-1",
        ["Pulse:Meters:0:Pin"] = "17",
        ["Pulse:Meters:0:PulsesPerKwh"] = "1000",
        ["Pulse:Meters:1:Name"] = "press-2",
        ["Pulse:Meters:1:Pin"] = "27",
        ["Pulse:Meters:1:Driver"] = "Simulated",
        ["Pulse:Meters:1:Simulation:RateHz"] = "100",
        ["Pulse:Meters:1:Simulation:PulseWidth"] = "00:00:00.004",
        ["Pulse:Meters:1:Simulation:BounceEdges"] = "6",
    };

    [Fact]
    public void Validate_ValidMeters_Passes()
    {
        Assert.Empty(Problems());
    }

    [Theory]
    [InlineData("Pulse:Meters:0:PulsesPerKwh", "0", "more than 0 up to 100000")]
    [InlineData("Pulse:Meters:0:PulsesPerKwh", "-5", "more than 0 up to 100000")]
    [InlineData("Pulse:Meters:0:PulsesPerKwh", "200000", "more than 0 up to 100000")]
    [InlineData("Pulse:Meters:0:Pin", "-1", "line offset")]
    [InlineData("Pulse:Meters:0:MinPulseWidth", "00:00:00.5000000", "allowed 00:00:00.0001000 to 00:00:00.1000000")]
    [InlineData("Pulse:Meters:0:FlushInterval", "00:00:00", "allowed 00:00:00.1000000 to 00:10:00")]
    [InlineData("Pulse:Meters:0:ZeroPowerAfter", "02:00:00", "allowed 00:00:01 to 01:00:00")]
    [InlineData("Pulse:Meters:0:Chip", "99", "allowed 0 to 63")]
    [InlineData("Pulse:Meters:0:Name", "bad name", "letters, digits")]
    [InlineData("Pulse:Meters:0:InitialKwh", "-1", "allowed 0 to 1e12")]
    [InlineData("Pulse:Meters:1:Simulation:BounceEdges", "3", "even number")]
    [InlineData("Pulse:Meters:1:Simulation:RateHz", "150", "allowed 0 to 125")]
    [InlineData("Pulse:Meters:1:Simulation:PulseWidth", "00:00:00.0010000", "MinPulseWidth + BounceSpan")]
    public void Validate_BadValue_NamesKeyValueAndWhatIsAllowed(string key, string value, string allowed)
    {
        var problems = Problems((key, value));

        var line = Assert.Single(problems, p => p.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
        Assert.Contains("Fix it in appsettings.json, pass --" + key + "=<value>, or set " + key.Replace(":", "__", StringComparison.Ordinal) + "=<value> in the environment", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicatePin_NamesBothMeters()
    {
        var problems = Problems(("Pulse:Meters:1:Pin", "17"), ("Pulse:Meters:1:Driver", "Libgpiod"));

        Assert.Contains(problems, p => p.StartsWith("Pulse:Meters:1:Pin = '17'", StringComparison.Ordinal) && p.Contains("Pulse:Meters:0", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateName_Refused()
    {
        var problems = Problems(("Pulse:Meters:1:Name", "press-1"));

        Assert.Contains(problems, p => p.StartsWith("Pulse:Meters:1:Name = 'press-1'", StringComparison.Ordinal) && p.Contains("unique", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownPullMode_ItemSkippedByTheBinderIsReported()
    {
        var problems = Problems(("Pulse:Meters:0:PullMode", "Sideways"));

        var line = Assert.Single(problems);
        Assert.StartsWith("Pulse:Meters:0:PullMode = 'Sideways' is invalid: allowed None, PullUp, PullDown", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPulseMeters_ValidConfiguration_RegistersTheProviderWithItsMeters()
    {
        using var host = Build(Valid);

        var provider = Assert.Single(host.Services.GetServices<IMeterProvider>());
        Assert.Equal("Pulse", provider.SectionName);
        Assert.Equal(["press-1", "press-2"], provider.Meters.Select(m => m.Name));
    }

    private static IHost Build(Dictionary<string, string?> values)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddAgentCore().AddPulseMeters();
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
