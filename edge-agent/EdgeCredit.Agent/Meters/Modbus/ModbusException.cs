namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>A Modbus request failed. The connection it used has been closed; the next request reconnects.</summary>
#pragma warning disable CA1032 // The standard constructors would allow exceptions without the facts they carry.
internal abstract class ModbusException : Exception
{
    protected ModbusException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
