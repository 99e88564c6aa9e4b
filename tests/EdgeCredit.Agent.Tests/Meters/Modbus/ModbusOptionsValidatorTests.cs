using EdgeCredit.Agent.Meters.Modbus;
using Microsoft.Extensions.Configuration;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

public sealed class ModbusOptionsValidatorTests
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["Modbus:Models:pm:0:Quantity"] = "Power",
        ["Modbus:Models:pm:0:Function"] = "Input",
        ["Modbus:Models:pm:0:Address"] = "0",
        ["Modbus:Models:pm:0:Type"] = "Float32",
        ["Modbus:Models:pm:0:Scale"] = "0.001",
        ["Modbus:Models:pm:1:Quantity"] = "Energy",
        ["Modbus:Models:pm:1:Function"] = "Input",
        ["Modbus:Models:pm:1:Address"] = "2",
        ["Modbus:Models:pm:1:Type"] = "UInt32",
        ["Modbus:Models:pm:1:WordOrder"] = "LowFirst",
        ["Modbus:Models:pm:2:Quantity"] = "Voltage",
        ["Modbus:Models:pm:2:Function"] = "Holding",
        ["Modbus:Models:pm:2:Address"] = "0",
        ["Modbus:Models:pm:2:Type"] = "UInt16",
        ["Modbus:Models:pm:2:Min"] = "180",
        ["Modbus:Models:pm:2:Max"] = "260",
        ["Modbus:Meters:0:Name"] = "press-1",
        ["Modbus:Meters:0:Host"] = "10.0.0.5",
        ["Modbus:Meters:0:Model"] = "pm",
        ["Modbus:Meters:1:Name"] = "press-2",
        ["Modbus:Meters:1:Host"] = "10.0.0.5",
        ["Modbus:Meters:1:UnitId"] = "2",
        ["Modbus:Meters:1:Model"] = "pm",
    };

    [Fact]
    public void Validate_ValidConfiguration_BindsDefaultsAndPasses()
    {
        var options = Bind();

        Assert.Empty(Problems());
        var meter = options.Meters[0];
        Assert.Equal((502, 1, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3)), (meter.Port, meter.UnitId, meter.PollInterval, meter.Timeout, meter.EffectiveStaleAfter));
        Assert.Equal(3, options.Models["pm"].Count);
        Assert.Equal(WordOrder.LowFirst, options.Models["pm"][1].WordOrder);
    }

    [Fact]
    public void Validate_OverlappingRegisters_NamesBothPointsAndTheFix()
    {
        var line = Assert.Single(Problems(("Modbus:Models:pm:1:Address", "1")));

        Assert.Equal(
            "Modbus:Models:pm:1:Address = '1' is invalid: Input registers 1..2 overlap Modbus:Models:pm:0 (Power Float32 at 0..1); "
            + "points of one function may not share registers: take the addresses (0-based) from the meter's data sheet. "
            + "Fix it in appsettings.json, pass --Modbus:Models:pm:1:Address=<value>, or set Modbus__Models__pm__1__Address=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).",
            line);
    }

    [Fact]
    public void Validate_SameAddressInTheOtherTable_IsNoOverlap()
    {
        Assert.Empty(Problems(("Modbus:Models:pm:2:Address", "2"), ("Modbus:Models:pm:2:Type", "Float32")));
    }

    [Fact]
    public void Validate_UnknownModel_ListsTheKnownModels()
    {
        var line = Assert.Single(Problems(("Modbus:Meters:1:Model", "pm-9")));

        Assert.Equal(
            "Modbus:Meters:1:Model = 'pm-9' is invalid: not a model of Modbus:Models: allowed pm. "
            + "Fix it in appsettings.json, pass --Modbus:Meters:1:Model=<value>, or set Modbus__Meters__1__Model=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).",
            line);
    }

    [Fact]
    public void Validate_TimeoutNotBelowPollInterval_NamesBothKeys()
    {
        var line = Assert.Single(Problems(("Modbus:Meters:0:Timeout", "00:00:01")));

        Assert.Equal(
            "Modbus:Meters:0:Timeout = '00:00:01' is invalid: must be less than Modbus:Meters:0:PollInterval (00:00:01) so that a poll ends "
            + "before the next one starts; lower the timeout or poll less often. Fix it in appsettings.json, pass --Modbus:Meters:0:Timeout=<value>, or set Modbus__Meters__0__Timeout=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).",
            line);
    }

    [Theory]
    [InlineData("Modbus:Meters:1:Name", "press-1", "already used by Modbus:Meters:0; names must be unique")]
    [InlineData("Modbus:Meters:1:Name", "bad name", "letters, digits")]
    [InlineData("Modbus:Meters:1:Host", "", "host name or IP address")]
    [InlineData("Modbus:Meters:1:Port", "0", "allowed 1 to 65535")]
    [InlineData("Modbus:Meters:1:UnitId", "248", "allowed 0 to 247")]
    [InlineData("Modbus:Meters:1:UnitId", "1", "10.0.0.5:502 unit 1 is already read by Modbus:Meters:0")]
    [InlineData("Modbus:Meters:1:PollInterval", "00:00:00.0500000", "allowed 00:00:00.1000000 to 01:00:00")]
    [InlineData("Modbus:Meters:1:PollInterval", "02:00:00", "allowed 00:00:00.1000000 to 01:00:00")]
    [InlineData("Modbus:Meters:1:StaleAfter", "00:00:00.5000000", "allowed 00:00:01 to 1.00:00:00")]
    [InlineData("Modbus:Models:pm:0:Scale", "0", "non-zero multiplier")]
    [InlineData("Modbus:Models:pm:0:Address", "65535", "allowed 0 to 65534")]
    [InlineData("Modbus:Models:pm:2:Max", "100", "must not be below Modbus:Models:pm:2:Min (180)")]
    [InlineData("Modbus:NegativeDeltaToleranceKwh", "-1", "allowed 0 to 1000")]
    public void Validate_BadValue_NamesKeyValueAndWhatIsAllowed(string key, string value, string allowed)
    {
        var problems = Problems((key, value));

        var line = Assert.Single(problems, p => p.Contains(allowed, StringComparison.Ordinal));
        Assert.StartsWith($"{key} = '{value}' is invalid: ", line, StringComparison.Ordinal);
        Assert.Contains("Fix it in appsettings.json", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Modbus:Models:pm:0:Quantity", "Current", "0 Power points")]
    [InlineData("Modbus:Models:pm:1:Quantity", "Power", "2 Power points")]
    public void Validate_NotExactlyOnePowerPoint_NamesTheModel(string key, string value, string found)
    {
        var line = Assert.Single(Problems((key, value)));

        Assert.Equal($"Modbus:Models:pm = '{found}' is invalid: a model needs exactly one point with Quantity Power (kW). Fix it in appsettings.json, pass --Modbus:Models:pm=<value>, or set Modbus__Models__pm=<value> in the environment (on a gateway: /etc/edgecredit/agent.env).", line);
    }

    [Fact]
    public void Validate_NoModels_SaysWhereToAddThem()
    {
        var options = new ModbusOptions();
        options.Meters.Add(new ModbusMeterOptions { Name = "press-1", Host = "10.0.0.5", Model = "pm" });

        var result = new ModbusOptionsValidator().Validate(null, options);

        Assert.Contains("no models are defined under Modbus:Models", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static ModbusOptions Bind(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>(Valid);
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        var options = new ModbusOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(ModbusOptions.SectionName).Bind(options);
        return options;
    }

    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] overrides) =>
        [.. new ModbusOptionsValidator().Validate(null, Bind(overrides)).Failures ?? []];
}
