using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;
using Json.Schema;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>Agent -> real mosquitto (TLS, client certificates, ACL) -> collector on a shared subscription -> SQLite -> API.</summary>
public sealed class MosquittoPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new("mosquitto-pipeline");
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly DeviceSpec _device = DeviceSpec.Create("acme-metal", "gw-01");
    private readonly DeviceSpec _other = DeviceSpec.Create("acme-metal", "gw-02");
    private readonly DeviceSpec _ghost = DeviceSpec.Create("acme-metal", "gw-ghost");
    private Mosquitto _broker = null!;

    public async Task InitializeAsync()
    {
        _broker = Own(await Mosquitto.StartAsync(_dir.Sub("broker"), "collector",
            (_device.Enterprise, _device.Device), (_other.Enterprise, _other.Device), (_ghost.Enterprise, _ghost.Device)));
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Pipeline_ThroughMosquittoTls_StoresSignalsAndEveryPayloadMatchesSchema()
    {
        var payloads = new ConcurrentQueue<byte[]>();
        using var tap = await MqttTls.ConnectAsync(_broker, "collector", "schema-tap");
        tap.ApplicationMessageReceivedAsync += e =>
        {
            payloads.Enqueue(e.ApplicationMessage.Payload.ToArray());
            return Task.CompletedTask;
        };
        await tap.SubscribeAsync("edgecredit/v1/+/+/signals", MqttQualityOfServiceLevel.AtLeastOnce);
        var collector = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector"), _broker, "collector", [_device, _other, _ghost]));
        var agent = Own(AgentProcess.ForMosquitto(_device, _dir.Sub("agent"), _broker, Window));
        agent.Start();

        await ApiWait.SignalsAsync(collector, "acme-metal", 12, TimeSpan.FromSeconds(45));

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "edge-agent", "EdgeCredit.Protocol", "signal-batch.v1.schema.json")));
        Assert.NotEmpty(payloads);
        foreach (var payload in payloads)
        {
            using var doc = JsonDocument.Parse(payload);
            var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { RequireFormatValidation = true });
            Assert.True(result.IsValid, Encoding.UTF8.GetString(payload));
        }

        var ledger = await Ledger.WaitCompleteAsync(agent.OutboxPath, collector.DatabasePath, "gw-01", TimeSpan.FromSeconds(30));
        Assert.True(ledger.Complete, ledger.ToString());
        await agent.StopAsync();
        Assert.Empty(agent.Process.ErrorLines());
        Assert.Empty(collector.Process.ErrorLines());
    }

    [Fact]
    public async Task SharedSubscription_TwoCollectors_SplitTheLoadWithNothingLostOrDoubled()
    {
        var first = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector-a"), _broker, "collector", [_device], "--Broker:ClientId=collector-a"));
        var second = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector-b"), _broker, "collector", [_device], "--Broker:ClientId=collector-b"));
        var agent = Own(AgentProcess.ForMosquitto(_device, _dir.Sub("agent"), _broker, Window));
        agent.Start();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        (HashSet<long> A, HashSet<long> B) stored;
        while (true)
        {
            stored = (Sequences(first.DatabasePath), Sequences(second.DatabasePath));
            if (stored.A.Count >= 5 && stored.B.Count >= 5)
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"both collectors should get part of the load: {stored.A.Count} and {stored.B.Count}");
            await Task.Delay(200);
        }

        await agent.StopAsync();
        var issued = Ledger.Read(agent.OutboxPath, first.DatabasePath, "gw-01");
        stored = (Sequences(first.DatabasePath), Sequences(second.DatabasePath));
        Assert.Empty(stored.A.Intersect(stored.B));
        var missing = Enumerable.Range(0, (int)issued.Issued).Select(i => issued.FirstIssued + i)
            .Where(s => !stored.A.Contains(s) && !stored.B.Contains(s) && !issued.Pending.Contains(s)).ToList();
        Assert.Empty(missing);
        Assert.Empty(first.Process.ErrorLines());
        Assert.Empty(second.Process.ErrorLines());
    }

    private static HashSet<long> Sequences(string database)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sequence FROM batches WHERE device = 'gw-01'";
        using var reader = command.ExecuteReader();
        var set = new HashSet<long>();
        while (reader.Read())
        {
            set.Add(reader.GetInt64(0));
        }

        return set;
    }

    [Fact]
    public async Task BrokerStopped60Seconds_AgentKeepsProducing_ProducedEqualsStoredNoDuplicates()
    {
        var collector = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector"), _broker, "collector", [_device]));
        var agent = Own(AgentProcess.ForMosquitto(_device, _dir.Sub("agent"), _broker, Window));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => EmbeddedPipelineTests.StoredBatches(d, "gw-01") >= 5, TimeSpan.FromSeconds(45));

        await _broker.StopAsync();
        var outageStart = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        await Task.Delay(TimeSpan.FromSeconds(60)); // the outage itself is what this test is about
        var outageEnd = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        Assert.True(outageEnd.Pending.Count >= 50, $"the agent kept producing into its outbox during the outage: {outageEnd}");
        Assert.Equal(outageStart.StoredBatches, outageEnd.StoredBatches);
        await _broker.StartAgainAsync();

        // mosquitto 2.0 does not restore the collector's shared subscription, so the first copies of the backlog
        // are dropped by the broker; the agent resends them when no receipt comes (ReceiptTimeout 5 s, doubling).
        var ledger = await Ledger.WaitCompleteAsync(agent.OutboxPath, collector.DatabasePath, "gw-01", TimeSpan.FromSeconds(90));
        Assert.True(ledger.Complete, ledger.ToString());
        Assert.True(ledger.StoredBatches >= outageEnd.StoredBatches + outageEnd.Pending.Count);
        await agent.StopAsync();
    }

    [Fact]
    public async Task CollectorKilledMidStream_Restarted_ProducedEqualsStoredNoDuplicates()
    {
        var collector = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector"), _broker, "collector", [_device]));
        var agent = Own(AgentProcess.ForMosquitto(_device, _dir.Sub("agent"), _broker, Window));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => EmbeddedPipelineTests.StoredBatches(d, "gw-01") >= 5, TimeSpan.FromSeconds(45));

        await collector.KillAsync();
        var down = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        // While the collector is down the broker holds its persistent session's queue; the agent keeps publishing.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01").LastIssued < down.LastIssued + 5)
        {
            Assert.True(DateTime.UtcNow < deadline, "agent stopped producing");
            await Task.Delay(200);
        }

        await collector.RestartAsync();
        var ledger = await Ledger.WaitCompleteAsync(agent.OutboxPath, collector.DatabasePath, "gw-01", TimeSpan.FromSeconds(60));
        Assert.True(ledger.Complete, ledger.ToString());
        await agent.StopAsync();
        Assert.Empty(agent.Process.ErrorLines());
    }

    [Fact]
    public async Task BadInput_FromMosquittoPub_QuarantinedWithReasonGoodAllStoredCollectorUp()
    {
        var collector = Own(await CollectorProcess.StartExternalAsync(_dir.Sub("collector"), _broker, "collector", [_device, _other]));
        long sequence = 5000;
        var good = new List<long>();
        async Task SendGoodAsync()
        {
            good.Add(++sequence);
            var (code, output) = await _broker.PublishAsync("gw-01", Topics.SignalsOf("acme-metal", "gw-01"), TestBatches.Json(TestBatches.Valid(_device, sequence)));
            Assert.True(code == 0, output);
        }

        await SendGoodAsync();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => EmbeddedPipelineTests.StoredBatches(d, "gw-01") == 1, TimeSpan.FromSeconds(30));

        var bad = TestBatches.Bad(_device, _other, () => ++sequence).ToList();
        foreach (var (name, json, _) in bad)
        {
            var (code, output) = await _broker.PublishAsync("gw-01", Topics.SignalsOf("acme-metal", "gw-01"), json);
            Assert.True(code == 0, $"{name}: {output}");
            await SendGoodAsync();
        }

        var hugeFile = Path.Combine(_dir.Path, "huge.json");
        await File.WriteAllTextAsync(hugeFile, "{\"version\":1,\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}");
        Assert.Equal(0, (await _broker.PublishAsync("gw-01", Topics.SignalsOf("acme-metal", "gw-01"), file: hugeFile)).ExitCode);
        Assert.Equal(0, (await _broker.PublishAsync("gw-ghost", Topics.SignalsOf("acme-metal", "gw-ghost"), TestBatches.Json(TestBatches.Valid(_ghost, 1)))).ExitCode);
        Assert.Equal(0, (await _broker.PublishAsync("gw-01", Topics.SignalsOf("acme-metal", "gw-01"), TestBatches.Json(TestBatches.Valid(_device, good[0], signals: 2)))).ExitCode); // replay with different content
        await SendGoodAsync();

        var expected = bad.Select(b => ProtocolJson.EnumWireName(b.Reason)).Concat(["too_large", "unknown_device", "duplicate_sequence"]).ToList();
        var quarantine = await ApiWait.UntilAsync(collector, "/api/v1/quarantine?limit=1000",
            q => EmbeddedPipelineTests.Records(q).Count() >= expected.Count, TimeSpan.FromSeconds(30));
        var reasons = EmbeddedPipelineTests.Records(quarantine).Select(r => r.GetProperty("reason").GetString()).ToList();
        foreach (var reason in expected)
        {
            Assert.True(reasons.Contains(reason), $"no quarantine record with reason {reason}; got {string.Join(',', reasons)}");
        }

        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => EmbeddedPipelineTests.StoredBatches(d, "gw-01") == good.Count, TimeSpan.FromSeconds(30));
        var health = await collector.GetJsonAsync("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Empty(collector.Process.ErrorLines()); // bad input is a warning and a quarantine record, not an error
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
