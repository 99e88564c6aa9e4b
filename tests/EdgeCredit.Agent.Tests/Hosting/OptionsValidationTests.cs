using EdgeCredit.Agent.Hosting;
using EdgeCredit.Agent.Meters;
using EdgeCredit.Agent.Outbox;
using EdgeCredit.Agent.Publishing;
using EdgeCredit.Agent.Signals;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace EdgeCredit.Agent.Tests.Hosting;

public sealed class OptionsValidationTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Agent:Enterprise"] = "acme",
        ["Agent:Device"] = "gw-01",
        ["Simulator:Machines:0:Name"] = "press-1",
        ["Simulator:Machines:0:RatedKw"] = "20",
        ["Simulator:Machines:0:IdleKw"] = "2",
    };

    [Fact]
    public void Validate_DefaultsWithIdentity_Passes()
    {
        Assert.Empty(Problems());
    }

    [Theory]
    [InlineData("Publishing:Port", "0", "allowed 1 to 65535")]
    [InlineData("Publishing:Port", "70000", "allowed 1 to 65535")]
    [InlineData("Agent:Device", "GW 01", "lower-case letters")]
    [InlineData("Agent:Enterprise", "", "lower-case letters")]
    [InlineData("Agent:Window", "00:00:07", "divide a day")]
    [InlineData("Agent:Window", "02:00:00", "allowed 00:00:01 to 01:00:00")]
    [InlineData("Outbox:MaxBytes", "1000", "allowed 1048576 to 68719476736")]
    [InlineData("Publishing:BacklogBatchesPerSecond", "0", "allowed 1 to 10000")]
    [InlineData("Publishing:KeepAlive", "00:00:00", "allowed 00:00:01")]
    [InlineData("Publishing:PublishTimeout", "01:00:00", "to 00:05:00")]
    [InlineData("Publishing:ReceiptTimeout", "00:00:00.5000000", "allowed 00:00:01 to 01:00:00")]
    [InlineData("Publishing:ReceiptTimeout", "02:00:00", "allowed 00:00:01 to 01:00:00")]
    [InlineData("Publishing:Confirmation", "7", "allowed Receipt or BrokerAck")]
    [InlineData("Publishing:StatusInterval", "00:00:00.5000000", "allowed 00:00:01 to 01:00:00")]
    [InlineData("Simulator:Machines:0:RatedKw", "20000", "allowed 0.1 to 10000")]
    [InlineData("Simulator:Machines:0:IdleKw", "25", "allowed 0 to 20")]
    [InlineData("Simulator:Machines:0:NoiseFraction", "0.9", "allowed 0 to 0.5")]
    [InlineData("Simulator:Machines:0:TimeZone", "Mars/Olympus", "IANA time zone")]
    [InlineData("Simulator:Machines:0:Name", "bad name", "letters, digits")]
    [InlineData("Agent:SampleInterval", "00:05:00", "allowed 00:00:00.1000000 to 00:01:00")]
    public void Validate_BadValue_NamesKeyValueAndAllowedRange(string key, string value, string allowed)
    {
        var problems = Problems((key, value));

        var line = Assert.Single(problems, p => p.StartsWith(key + " = ", StringComparison.Ordinal));
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.Contains(allowed, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCaFile_NamesKeyAndPath()
    {
        var problems = Problems(("Publishing:UseTls", "true"), ("Publishing:CaFile", "/nonexistent/ca.pem"));

        Assert.Contains(problems, p => p.StartsWith("Publishing:CaFile = '/nonexistent/ca.pem'", StringComparison.Ordinal) && p.Contains("does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CertificateWithoutKey_AsksForBoth()
    {
        using var dir = new Support.TempDirectory();
        File.WriteAllText(dir.File("c.pem"), "x");
        var problems = Problems(("Publishing:UseTls", "true"), ("Publishing:ClientCertificateFile", dir.File("c.pem")));

        Assert.Contains(problems, p => p.StartsWith("Publishing:ClientKeyFile", StringComparison.Ordinal) && p.Contains("set both", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReconnectMaxBelowMin_NamesBoth()
    {
        var problems = Problems(("Publishing:ReconnectMin", "00:00:10"), ("Publishing:ReconnectMax", "00:00:05"));

        Assert.Contains(problems, p => p.StartsWith("Publishing:ReconnectMax = '00:00:05'", StringComparison.Ordinal) && p.Contains("Publishing:ReconnectMin", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_DuplicateMachineNames_Refused()
    {
        var problems = Problems(("Simulator:Machines:1:Name", "press-1"));

        Assert.Contains(problems, p => p.StartsWith("Simulator:Machines:1:Name = 'press-1'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownConfirmation_BinderMessageNamesKeyAndValue()
    {
        var problems = Problems(("Publishing:Confirmation", "Puback"));

        var line = Assert.Single(problems);
        Assert.Contains("'Puback'", line, StringComparison.Ordinal);
        Assert.Contains("Publishing:Confirmation", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotANumber_BinderMessageNamesKeyAndValue()
    {
        var problems = Problems(("Publishing:Port", "abc"));

        var line = Assert.Single(problems);
        Assert.Contains("'abc'", line, StringComparison.Ordinal);
        Assert.Contains("Publishing:Port", line, StringComparison.Ordinal);
    }

    private static List<string> Problems(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddAgentCore().AddMeters().AddSignals().AddOutbox().AddPublishing();
        using var host = builder.Build();
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
