namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>
/// The answer was not a valid response to the request sent: wrong transaction id, protocol id, unit id, function
/// code, byte count or length. Nothing from it is used as a value.
/// </summary>
#pragma warning disable CA1032
internal sealed class ModbusProtocolException(string message) : ModbusException(message)
{
}
