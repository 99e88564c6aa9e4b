namespace EdgeCredit.Agent.Meters;

/// <summary>One simulated machine. Item of <c>Simulator:Machines</c>.</summary>
internal sealed class MachineOptions
{
    public static readonly IReadOnlyList<DayOfWeek> DefaultWorkDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    /// <summary>Source name in signals.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Rated power, kW (0.1..10000).</summary>
    public double RatedKw { get; set; } = 10;

    /// <summary>Power when idle, kW (0..RatedKw).</summary>
    public double IdleKw { get; set; } = 1;

    /// <summary>Local shift start. A shift whose end is not after its start runs past midnight.</summary>
    public TimeOnly ShiftStart { get; set; } = new(8, 0);

    /// <summary>Local shift end (exclusive).</summary>
    public TimeOnly ShiftEnd { get; set; } = new(20, 0);

    /// <summary>IANA time zone of the factory.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Days on which a shift starts; null means Monday to Saturday.</summary>
    public IList<DayOfWeek>? WorkDays { get; set; }

    public MachineProfile Profile { get; set; } = MachineProfile.Normal;

    /// <summary>Relative noise on power readings (0..0.5).</summary>
    public double NoiseFraction { get; set; } = 0.05;

    /// <summary>Seed of the deterministic simulation.</summary>
    public int Seed { get; set; } = 1;

    public IReadOnlyList<DayOfWeek> EffectiveWorkDays => WorkDays is null ? DefaultWorkDays : [.. WorkDays];
}
