namespace EdgeCredit.Collector.Profiles;

/// <summary>Credit profiles (section <c>Profiles</c>).</summary>
internal sealed class ProfileOptions
{
    public const string SectionName = "Profiles";

    /// <summary>How often every enterprise's profile is rebuilt and stored; the API serves the stored one.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A stored profile older than this is rebuilt when asked for.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(15);
}
