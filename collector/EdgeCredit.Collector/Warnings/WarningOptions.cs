namespace EdgeCredit.Collector.Warnings;

/// <summary>Operating state and post-loan warnings (section <c>Warnings</c>).</summary>
internal sealed class WarningOptions
{
    public const string SectionName = "Warnings";

    /// <summary>How often every enterprise's warnings are re-evaluated.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A local day is judged this long after it ended, so the last minutes (and a short outbox backlog) are in.</summary>
    public TimeSpan CompleteAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Days assessed on each evaluation (the rules look back at most this far).</summary>
    public int LookBackDays { get; set; } = 30;

    public WarningRules Default { get; set; } = new();

    /// <summary>Rules per industry (the enterprise's <c>Registry:Enterprises:N:Industry</c>).</summary>
    public IDictionary<string, WarningRules> Industries { get; } = new Dictionary<string, WarningRules>(StringComparer.OrdinalIgnoreCase);

    public IList<PledgeOptions> Pledges { get; } = new List<PledgeOptions>();

    public WarningRules RulesFor(string? industry) => industry is not null && Industries.TryGetValue(industry, out var rules) ? rules : Default;
}
