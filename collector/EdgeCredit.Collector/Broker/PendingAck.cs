using EdgeCredit.Collector.Ingest;
using MQTTnet;

namespace EdgeCredit.Collector.Broker;

/// <summary>A received message waiting for its commit before it is acknowledged to the external broker.</summary>
internal sealed record PendingAck(Task<IngestOutcome> Committed, MqttApplicationMessageReceivedEventArgs Message);
