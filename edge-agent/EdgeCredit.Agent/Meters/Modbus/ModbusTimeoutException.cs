namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>Connecting, or the answer to a request, took longer than the timeout.</summary>
#pragma warning disable CA1032
internal sealed class ModbusTimeoutException(string message) : ModbusException(message)
{
}
