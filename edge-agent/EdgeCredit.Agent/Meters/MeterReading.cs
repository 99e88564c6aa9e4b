using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Meters;

/// <summary>One sample of a meter: active power, the machine state it implies, and how far it can be trusted.</summary>
internal readonly record struct MeterReading(double Kilowatts, MachineState State, SignalQuality Quality);
