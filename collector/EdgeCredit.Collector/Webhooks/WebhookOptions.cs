namespace EdgeCredit.Collector.Webhooks;

/// <summary>Webhook delivery (section <c>Webhooks</c>).</summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>One attempt's limit: connecting, sending and reading the answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait after the first failed attempt; doubled after each further one (with ±20 % jitter).</summary>
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts (a receiver's <c>Retry-After</c> may ask for more, up to an hour).</summary>
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A delivery still failing this long after its event is given up (status <c>expired</c>).</summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the dispatcher looks for due deliveries when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Deliveries taken per pass.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Accept <c>http://</c> receiver URLs (loopback and demos); production receivers should use https.</summary>
    public bool AllowHttp { get; set; } = true;
}
