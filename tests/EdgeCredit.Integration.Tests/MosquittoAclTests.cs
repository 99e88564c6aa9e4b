using System.Collections.Concurrent;
using System.Text;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>The broker configuration in deploy/mosquitto, exercised on a real mosquitto with TLS client certificates.</summary>
public sealed class MosquittoAclTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("mosquitto-acl");
    private Mosquitto _broker = null!;

    public async Task InitializeAsync() =>
        _broker = await Mosquitto.StartAsync(_dir.Path, "collector", ("acme", "gw-01"), ("acme", "gw-02"));

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Publish_OwnSubtree_ReachesCollectorSharedSubscription()
    {
        var received = new ConcurrentQueue<string>();
        using var collector = await SubscribeCollectorAsync(received);
        using var device = await MqttTls.ConnectAsync(_broker, "gw-01");

        var result = await device.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("edgecredit/v1/acme/gw-01/signals").WithPayload("own").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
        await WaitUntilAsync(() => received.Contains("edgecredit/v1/acme/gw-01/signals"));
    }

    [Fact]
    public async Task Publish_AsAnotherDevice_IsRefusedAndNeverDelivered()
    {
        var received = new ConcurrentQueue<string>();
        using var collector = await SubscribeCollectorAsync(received);
        using var device = await MqttTls.ConnectAsync(_broker, "gw-01");

        var refused = false;
        try
        {
            var result = await device.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic("edgecredit/v1/acme/gw-02/signals").WithPayload("forged").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            refused = result.ReasonCode == MqttClientPublishReasonCode.NotAuthorized;
        }
        catch (MQTTnet.Exceptions.MqttCommunicationException)
        {
            refused = true; // mosquitto may drop the connection instead of answering
        }

        // A marker published afterwards by the real gw-02 proves the subscription works and ordering is settled.
        using var other = await MqttTls.ConnectAsync(_broker, "gw-02");
        await other.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic("edgecredit/v1/acme/gw-02/signals").WithPayload("marker").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await WaitUntilAsync(() => received.Contains("edgecredit/v1/acme/gw-02/signals:marker"));

        Assert.True(refused, "mosquitto acknowledged a publish under another device's topic");
        Assert.DoesNotContain("edgecredit/v1/acme/gw-02/signals:forged", received);
    }

    [Fact]
    public async Task Connect_CertificateFromAnotherCa_IsRefused()
    {
        using var otherDir = new TempDirectory("other-ca");
        var other = await TestCertificates.CreateAsync(otherDir.Path, "gw-01");
        File.Copy(other.CertFile("gw-01"), _broker.Certificates.CertFile("intruder"));
        File.Copy(other.KeyFile("gw-01"), _broker.Certificates.KeyFile("intruder"));

        using var client = new MqttClientFactory().CreateMqttClient();
        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(MqttTls.Options(_broker, "intruder")));
    }

    private async Task<IMqttClient> SubscribeCollectorAsync(ConcurrentQueue<string> received)
    {
        var collector = await MqttTls.ConnectAsync(_broker, "collector");
        collector.ApplicationMessageReceivedAsync += e =>
        {
            var payload = Encoding.UTF8.GetString(e.ApplicationMessage.Payload);
            received.Enqueue(e.ApplicationMessage.Topic);
            received.Enqueue(e.ApplicationMessage.Topic + ":" + payload);
            return Task.CompletedTask;
        };
        var sub = await collector.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("$share/collectors/edgecredit/v1/+/+/signals", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.All(sub.Items, i => Assert.True((int)i.ResultCode <= 2, i.ResultCode.ToString()));
        return collector;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
