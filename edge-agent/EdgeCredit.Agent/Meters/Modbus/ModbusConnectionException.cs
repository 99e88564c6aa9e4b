namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>The TCP connection could not be opened, or it broke or was closed by the peer during a request.</summary>
#pragma warning disable CA1032
internal sealed class ModbusConnectionException(string message, Exception? innerException = null) : ModbusException(message, innerException)
{
}
