using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EdgeCredit.Protocol;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace EdgeCredit.Agent.Tests.Support;

/// <summary>
/// A real in-process MQTTnet 5 broker on a free loopback port that records every publish it accepts. It can be
/// stopped and restarted on the same port, and <see cref="OnPublish"/> lets a test hold back a PUBACK or refuse
/// a publish by dropping the connection (what mosquitto does on an ACL denial).
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServerFactory _factory = new();
    private MqttServer? _server;

    private TestBroker(int port) => Port = port;

    public int Port { get; }

    /// <summary>Every application message accepted, in arrival order.</summary>
    public ConcurrentQueue<MqttApplicationMessage> Accepted { get; } = new();

    /// <summary>Runs before a publish is accepted; may delay (holds the PUBACK) or set CloseConnection/ProcessPublish.</summary>
    public Func<InterceptingPublishEventArgs, Task>? OnPublish { get; set; }

    /// <summary>Checks CONNECT; set ReasonCode to refuse.</summary>
    public Action<ValidatingConnectionEventArgs>? OnConnect { get; set; }

    public bool IsRunning => _server?.IsStarted == true;

    public static async Task<TestBroker> StartAsync()
    {
        var broker = new TestBroker(FreePort());
        await broker.StartServerAsync();
        return broker;
    }

    /// <summary>Sequences of the signal batches accepted on any signals topic, in arrival order.</summary>
    public IReadOnlyList<long> SignalSequences() =>
        [.. Accepted.Where(m => m.Topic.EndsWith("/" + Topics.Signals, StringComparison.Ordinal))
            .Select(m => SignalBatchParser.Parse(m.Payload.ToArray()))
            .Select(c => c.Batch?.Sequence ?? throw new InvalidOperationException($"broker got an invalid batch: {c.Reason} {c.Detail}"))];

    public async Task<DeviceStatus?> RetainedStatusAsync(string topic)
    {
        var message = _server is null ? null : await _server.GetRetainedMessageAsync(topic);
        return message is null ? null : ProtocolJson.DeserializeStatus(message.Payload.ToArray());
    }

    public async Task<IReadOnlyList<string>> ClientIdsAsync() =>
        _server is null ? [] : [.. (await _server.GetClientsAsync()).Select(c => c.Id)];

    /// <summary>Drops a client without a DISCONNECT from its side (the broker must then send its will).</summary>
    public Task KickAsync(string clientId) =>
        _server!.DisconnectClientAsync(clientId, new MqttServerClientDisconnectOptionsBuilder().WithReasonCode(MqttDisconnectReasonCode.AdministrativeAction).Build());

    public async Task StopAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(new MqttServerStopOptionsBuilder().Build());
            server.Dispose();
        }
    }

    public Task RestartAsync() => StartServerAsync();

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StartServerAsync()
    {
        var options = _factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointPort(Port)
            .WithDefaultEndpointReuseAddress()
            .WithPersistentSessions(true)
            .Build();
        var server = _factory.CreateMqttServer(options);
        server.ValidatingConnectionAsync += e =>
        {
            OnConnect?.Invoke(e);
            return Task.CompletedTask;
        };
        server.InterceptingPublishAsync += async e =>
        {
            if (OnPublish is { } hook)
            {
                await hook(e);
            }

            if (e.ProcessPublish && !e.CloseConnection)
            {
                Accepted.Enqueue(e.ApplicationMessage);
            }
        };
        await server.StartAsync();
        _server = server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
