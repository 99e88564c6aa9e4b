namespace EdgeCredit.Agent.Meters;

/// <summary>
/// Decides the machine state of a sample whose meter does not know it (every physical meter), from the machine's
/// recent power. Null means "not known": the sample is missing, or the machine is still being calibrated; such
/// seconds are left out of the running / idle / off seconds rather than guessed.
/// </summary>
internal interface IMachineStateResolver
{
    MachineState? Next(string source, DateTimeOffset at, double? kilowatts);
}
