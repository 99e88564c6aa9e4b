namespace EdgeCredit.Agent.Publishing;

/// <summary>The MQTT connection to the broker. Section <c>Publishing</c>.</summary>
internal sealed class PublishingOptions
{
    public const string SectionName = "Publishing";

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA(s) the broker's certificate must chain to (TLS only). Unset: the system trust store.</summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate (TLS only; with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of the client certificate.</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>MQTT user name; unset means the device id.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>MQTT client id; unset means the device id.</summary>
    public string? ClientId { get; set; }

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Smallest delay before a reconnect attempt (the backoff's floor).</summary>
    public TimeSpan ReconnectMin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest delay before a reconnect attempt (the backoff's ceiling).</summary>
    public TimeSpan ReconnectMax { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Rate at which the backlog is drained; live batches are not limited.</summary>
    public int BacklogBatchesPerSecond { get; set; } = 50;

    /// <summary>How often the retained online status is republished (and the counters logged).</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT 5 session expiry: how long the broker keeps this client's session while it is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long to wait for a PUBACK (and for CONNACK).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What lets a batch leave the outbox: <see cref="DeliveryConfirmation.Receipt"/> (default; the collector's receipt
    /// after its commit) or <see cref="DeliveryConfirmation.BrokerAck"/> (the broker's PUBACK; only for the collector's
    /// embedded broker, whose PUBACK comes after the commit).
    /// </summary>
    public DeliveryConfirmation Confirmation { get; set; } = DeliveryConfirmation.Receipt;

    /// <summary>
    /// How long a batch the broker acknowledged waits for the collector's receipt before it is sent again; doubles
    /// with each further attempt, up to one hour. Not used with <see cref="DeliveryConfirmation.BrokerAck"/>.
    /// </summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromMinutes(1);

    public string EffectiveUsername(string device) => string.IsNullOrEmpty(Username) ? device : Username;

    public string EffectiveClientId(string device) => string.IsNullOrEmpty(ClientId) ? device : ClientId;
}
