using System.Collections.Concurrent;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>A plain MQTT client that subscribes to a filter and records what it receives (a peer, like the collector).</summary>
internal sealed class TestSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public ConcurrentQueue<MqttApplicationMessage> Received { get; } = new();

    public static async Task<TestSubscriber> ConnectAsync(int port, string filter)
    {
        var subscriber = new TestSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            subscriber.Received.Enqueue(e.ApplicationMessage);
            return Task.CompletedTask;
        };
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId("test-subscriber-" + Guid.NewGuid().ToString("N")[..8])
            .Build());
        await subscriber._client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }
}
