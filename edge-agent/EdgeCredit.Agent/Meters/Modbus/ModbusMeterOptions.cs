namespace EdgeCredit.Agent.Meters.Modbus;

/// <summary>One Modbus TCP meter (a slave on a meter or behind a gateway). Item of <c>Modbus:Meters</c>.</summary>
internal sealed class ModbusMeterOptions
{
    public const int DefaultPort = 502;

    /// <summary>Source name in signals (same rules as simulator names; unique).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Host name or IP address of the meter or gateway.</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = DefaultPort;

    /// <summary>Modbus unit id (slave address) 0..247; 1 for most meters, the RS-485 address behind a gateway.</summary>
    public int UnitId { get; set; } = 1;

    /// <summary>Key of <c>Modbus:Models</c> giving the register map.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Time between polls (0.1 s .. 1 h); polls start at UTC multiples of it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Connect and per-request timeout; less than <see cref="PollInterval"/>. Default 500 ms.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Without a good poll for this long the readings are flagged stale. Default 3 × PollInterval.</summary>
    public TimeSpan? StaleAfter { get; set; }

    public TimeSpan EffectiveStaleAfter => StaleAfter ?? (PollInterval * 3);

    /// <summary>The <c>host:port</c> key of the connection, for messages.</summary>
    public string Endpoint => $"{Host}:{Port}";
}
