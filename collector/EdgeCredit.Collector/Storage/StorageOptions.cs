namespace EdgeCredit.Collector.Storage;

/// <summary>The collector store (section <c>Storage</c>).</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>SQLite database file; its directory is created.</summary>
    public string Path { get; set; } = "data/collector/collector.db";

    public SynchronousMode Synchronous { get; set; } = SynchronousMode.Full;

    /// <summary>How long a connection waits for a lock held by another connection.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
