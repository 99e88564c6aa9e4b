namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Modbus TCP power meters. Section <c>Modbus</c>.</summary>
internal sealed class ModbusOptions
{
    public const string SectionName = "Modbus";

    /// <summary>Register maps by meter model name (for example <c>acme-pm3</c>).</summary>
    public IDictionary<string, IList<ModbusPointOptions>> Models { get; } = new Dictionary<string, IList<ModbusPointOptions>>(StringComparer.OrdinalIgnoreCase);

    public IList<ModbusMeterOptions> Meters { get; } = [];

    /// <summary>
    /// How far, in kWh, the energy register may go backwards between two polls before the reading is flagged
    /// <c>NegativeDelta</c> (0 .. 1000; default 0.01, rounding of a scaled float register).
    /// </summary>
    public double NegativeDeltaToleranceKwh { get; set; } = 0.01;
}
