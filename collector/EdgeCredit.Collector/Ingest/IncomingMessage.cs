using System.Buffers;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// A message as received from MQTT. The payload is only read during the submit call, so it may be a buffer
/// the MQTT library reuses afterwards.
/// </summary>
/// <param name="Topic">The MQTT topic.</param>
/// <param name="Payload">The payload bytes.</param>
/// <param name="ClientId">The MQTT client id of the sender, when known.</param>
/// <param name="AuthenticatedDevice">The device the connection authenticated as (embedded broker), or null when the broker's ACL vouches for the topic.</param>
internal sealed record IncomingMessage(string Topic, ReadOnlySequence<byte> Payload, string? ClientId, string? AuthenticatedDevice);
