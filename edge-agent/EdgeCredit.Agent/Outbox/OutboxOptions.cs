namespace EdgeCredit.Agent.Outbox;

/// <summary>The durable queue between signals and publishing. Section <c>Outbox</c>.</summary>
internal sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    public const long MiB = 1024 * 1024;

    /// <summary>Cap on stored payload bytes; above it the oldest batches are dropped and counted (1 MiB .. 64 GiB).</summary>
    public long MaxBytes { get; set; } = 256 * MiB;
}
