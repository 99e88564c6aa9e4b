namespace EdgeCredit.Agent.Meters;

/// <summary>A provider over meters built elsewhere (tests and benchmarks compose a <see cref="MeterSet"/> with it).</summary>
internal sealed class FixedMeterProvider(string sectionName, IReadOnlyList<IMeterSource> meters) : IMeterProvider
{
    public string SectionName => sectionName;

    public IReadOnlyList<IMeterSource> Meters => meters;

    public static MeterSet Set(params IMeterSource[] meters) => new([new FixedMeterProvider("Test", meters)]);
}
