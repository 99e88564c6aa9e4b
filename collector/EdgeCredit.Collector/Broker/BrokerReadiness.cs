namespace EdgeCredit.Collector.Broker;

/// <summary>
/// Whether the collector can receive signals right now: the embedded broker is listening, or the external
/// client is connected and subscribed. /healthz reports it, so an orchestrator (or a test) does not send
/// traffic before the subscription exists.
/// </summary>
internal sealed class BrokerReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void Set(bool ready) => _ready = ready;
}
