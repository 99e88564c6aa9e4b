namespace EdgeCredit.Collector.Broker;

internal enum BrokerMode
{
    /// <summary>The collector runs its own MQTT broker (MQTTnet.Server) and authenticates devices itself.</summary>
    Embedded,

    /// <summary>The collector subscribes to an external broker (mosquitto, EMQX) with a shared subscription.</summary>
    External,
}
