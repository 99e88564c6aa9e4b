namespace EdgeCredit.Collector.Broker;

/// <summary>Where signals come from (section <c>Broker</c>).</summary>
internal sealed class BrokerOptions
{
    public const string SectionName = "Broker";

    public BrokerMode Mode { get; set; } = BrokerMode.Embedded;

    /// <summary>Embedded: address to listen on.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Embedded: port to listen on. External: port of the broker.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>External: broker host name.</summary>
    public string? Host { get; set; }

    public bool UseTls { get; set; }

    /// <summary>External: PEM file of the CA that signed the broker's certificate.</summary>
    public string? CaFile { get; set; }

    /// <summary>External: PEM client certificate (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    public string? ClientKeyFile { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string ClientId { get; set; } = "collector-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>External: shared subscription group; collectors in one group split the messages.</summary>
    public string SharedGroup { get; set; } = "collectors";

    /// <summary>External: how long the broker keeps the collector's session (and its unacknowledged messages) while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(10);
}
