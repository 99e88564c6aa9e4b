namespace EdgeCredit.Collector.Devices;

/// <summary>One registered device: <c>Registry:Devices:N</c>.</summary>
internal sealed class DeviceOptions
{
    public string? Id { get; set; }

    public string? Enterprise { get; set; }

    /// <summary>Salted hash of the device's MQTT password, made by <c>hash-secret</c>.</summary>
    public string? SecretHash { get; set; }
}
