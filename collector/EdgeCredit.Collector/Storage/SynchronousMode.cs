namespace EdgeCredit.Collector.Storage;

/// <summary>SQLite <c>PRAGMA synchronous</c>. Full survives power loss; Normal (in WAL mode) may lose the last commits on power loss but not on a crash.</summary>
internal enum SynchronousMode
{
    Full,
    Normal,
}
