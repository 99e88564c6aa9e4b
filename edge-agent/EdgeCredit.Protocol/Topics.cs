namespace EdgeCredit.Protocol;

/// <summary>MQTT topic layout of wire protocol v1: <c>edgecredit/v1/{enterprise}/{device}/{channel}</c>.</summary>
public static class Topics
{
    public const string Root = "edgecredit/v1";
    public const string Signals = "signals";
    public const string Status = "status";
    public const string Events = "events";
    public const string Receipts = "receipts";

    /// <summary>Wildcard that matches every channel of every device.</summary>
    public const string AllDevices = Root + "/+/+/+";

    public static string For(string enterprise, string device, string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterprise);
        ArgumentException.ThrowIfNullOrEmpty(device);
        ArgumentException.ThrowIfNullOrEmpty(channel);
        return $"{Root}/{enterprise}/{device}/{channel}";
    }

    public static string SignalsOf(string enterprise, string device) => For(enterprise, device, Signals);

    public static string StatusOf(string enterprise, string device) => For(enterprise, device, Status);

    public static string EventsOf(string enterprise, string device) => For(enterprise, device, Events);

    /// <summary>Collector to device: which batches are durably stored (or refused).</summary>
    public static string ReceiptsOf(string enterprise, string device) => For(enterprise, device, Receipts);

    /// <summary>Splits a v1 topic. Returns false for anything that is not exactly root/enterprise/device/channel.</summary>
    public static bool TryParse(string topic, out TopicAddress address)
    {
        address = default;
        if (string.IsNullOrEmpty(topic) || !topic.StartsWith(Root + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = topic[(Root.Length + 1)..].Split('/');
        if (parts.Length != 3 || parts.Any(string.IsNullOrEmpty))
        {
            return false;
        }

        address = new TopicAddress(parts[0], parts[1], parts[2]);
        return true;
    }
}
