namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>
/// The Modbus tests that talk to servers run one class at a time (their timing checks should not compete with each
/// other for the CPU) and share one python server for read-only checks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ModbusCollection : ICollectionFixture<ModbusServerFixture>
{
    public const string Name = "Modbus";
}
