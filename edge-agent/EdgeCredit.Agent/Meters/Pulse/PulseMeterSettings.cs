namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>What a <see cref="PulseMeter"/> is built from: its options, their index in <c>Pulse:Meters</c> (for messages) and its counter file.</summary>
internal sealed record PulseMeterSettings(PulseMeterOptions Options, int Index, string CounterPath)
{
    public string Key(string field) => $"{PulseOptions.SectionName}:Meters:{Index}:{field}";
}
