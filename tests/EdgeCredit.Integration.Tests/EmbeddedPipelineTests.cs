using System.Text;
using System.Text.Json;
using EdgeCredit.Protocol;
using EdgeCredit.Testing.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgeCredit.Integration.Tests;

/// <summary>Agent -> embedded broker -> collector -> SQLite -> API, all real processes on loopback.</summary>
public sealed class EmbeddedPipelineTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly TempDirectory _dir = new("embedded");
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task Pipeline_TwoEnterprises_SignalsQueryableThroughApi()
    {
        var acme = DeviceSpec.Create("acme-metal", "gw-01");
        var hongda = DeviceSpec.Create("hongda-textile", "gw-02");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [acme, hongda]));
        var agents = new[] { acme, hongda }.Select(d => Own(AgentProcess.ForEmbedded(d, _dir.Sub(d.Device), collector.MqttPort!.Value, Window))).ToList();
        agents.ForEach(a => a.Start());

        var acmeSignals = await ApiWait.SignalsAsync(collector, "acme-metal", 12, TimeSpan.FromSeconds(45));
        await ApiWait.SignalsAsync(collector, "hongda-textile", 12, TimeSpan.FromSeconds(45));

        foreach (var signal in acmeSignals.GetProperty("signals").EnumerateArray())
        {
            Assert.Equal("gw-01", signal.GetProperty("device").GetString());
            Assert.True(SignalVocabulary.TryParseKind(signal.GetProperty("kind").GetString()!, out var kind));
            Assert.Equal(SignalVocabulary.UnitOf(kind), signal.GetProperty("unit").GetString());
            Assert.True(double.IsFinite(signal.GetProperty("value").GetDouble()));
        }

        var kinds = acmeSignals.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "energy", "power_avg", "power_peak", "running_seconds", "idle_seconds", "off_seconds" }, kinds);

        var devices = await ApiWait.UntilAsync(collector, "/api/v1/devices", d => d.EnumerateArray().Count(x => x.GetProperty("online").GetBoolean()) == 2, TimeSpan.FromSeconds(20));
        Assert.Contains(devices.EnumerateArray(), d => d.GetProperty("device").GetString() == "gw-02" && d.GetProperty("enterprise").GetString() == "hongda-textile");

        var enterprises = await collector.GetJsonAsync("/api/v1/enterprises");
        Assert.Equal(["acme-metal", "hongda-textile"], enterprises.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).Order().ToArray());

        foreach (var agent in agents)
        {
            await agent.StopAsync();
            Assert.Empty(agent.Process.ErrorLines());
        }

        Assert.Empty(collector.Process.ErrorLines());
    }

    [Fact]
    public async Task AgentKilledMidStream_Restarted_ProducedEqualsStoredNoDuplicates()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        var agent = Own(AgentProcess.ForEmbedded(device, _dir.Sub("agent"), collector.MqttPort!.Value, Window));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= 5, TimeSpan.FromSeconds(45));

        await agent.KillAsync();
        var afterKill = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= afterKill.StoredBatches + 5, TimeSpan.FromSeconds(45));

        var ledger = await Ledger.WaitCompleteAsync(agent.OutboxPath, collector.DatabasePath, "gw-01", TimeSpan.FromSeconds(30));
        Assert.True(ledger.Complete, ledger.ToString());
        Assert.True(ledger.LastIssued > afterKill.LastIssued, "the restarted agent continued the sequence");
        Assert.Equal(0, ledger.Dropped);
        await agent.StopAsync();
        Assert.Empty(collector.Process.ErrorLines());
    }

    [Fact]
    public async Task AgentReinstalledWithEmptyDataDirectory_ContinuesAboveEveryEarlierSequence()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        var agentDir = _dir.Sub("agent");
        var agent = Own(AgentProcess.ForEmbedded(device, agentDir, collector.MqttPort!.Value, Window));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= 3, TimeSpan.FromSeconds(45));
        await agent.StopAsync();
        var before = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");

        Directory.Delete(agentDir, recursive: true); // a reinstall: the outbox and its counter are gone
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= before.StoredBatches + 3, TimeSpan.FromSeconds(45));

        var after = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        Assert.True(after.FirstIssued > before.LastIssued, $"new counter starts at {after.FirstIssued}, above the old high-water mark {before.LastIssued}");
        var stats = await collector.GetJsonAsync("/api/v1/ingest/stats");
        Assert.Equal(0, stats.GetProperty("quarantinedTotal").GetInt32());
        await agent.StopAsync();
        Assert.Empty(agent.Process.ErrorLines());
    }

    [Fact]
    public async Task CollectorKilledMidStream_Restarted_ProducedEqualsStoredNoDuplicates()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        var agent = Own(AgentProcess.ForEmbedded(device, _dir.Sub("agent"), collector.MqttPort!.Value, Window));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= 5, TimeSpan.FromSeconds(45));

        await collector.KillAsync();
        var down = Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01");
        await WaitAsync(() => Ledger.Read(agent.OutboxPath, collector.DatabasePath, "gw-01").Pending.Count >= 3, TimeSpan.FromSeconds(30));
        await collector.RestartAsync();

        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d, "gw-01") >= down.StoredBatches + 5, TimeSpan.FromSeconds(60));
        var ledger = await Ledger.WaitCompleteAsync(agent.OutboxPath, collector.DatabasePath, "gw-01", TimeSpan.FromSeconds(30));
        Assert.True(ledger.Complete, ledger.ToString());
        await agent.StopAsync();
        Assert.Empty(agent.Process.ErrorLines());
    }

    [Fact]
    public async Task BadInput_FromMqttClient_QuarantinedWithReasonGoodBatchesAllStored()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var other = DeviceSpec.Create("acme-metal", "gw-02");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device, other]));
        using var client = await ConnectAsync(collector, device);
        long sequence = 1000;
        var bad = TestBatches.Bad(device, other, () => ++sequence);
        var goodSequences = new List<long>();

        SignalBatch? firstGood = null;
        foreach (var (_, json, _) in bad)
        {
            await PublishAsync(client, device, Encoding.UTF8.GetBytes(json));
            goodSequences.Add(++sequence);
            var good = TestBatches.Valid(device, sequence);
            firstGood ??= good;
            await PublishAsync(client, device, ProtocolJson.Serialize(good));
        }

        await PublishAsync(client, device, ProtocolJson.Serialize(firstGood! with { SentAt = DateTimeOffset.UtcNow })); // identical resend: deduped, not quarantined

        var huge = new byte[10 * 1024 * 1024];
        huge.AsSpan().Fill((byte)'{');
        await PublishAsync(client, device, huge);
        await PublishAsync(client, device, ProtocolJson.Serialize(TestBatches.Valid(device, goodSequences[0], signals: 2))); // replay with different content
        goodSequences.Add(++sequence);
        await PublishAsync(client, device, ProtocolJson.Serialize(TestBatches.Valid(device, sequence)));

        var quarantine = await collector.GetJsonAsync("/api/v1/quarantine?limit=1000");
        var reasons = Records(quarantine).Select(r => r.GetProperty("reason").GetString()).ToList();
        foreach (var (name, _, reason) in bad)
        {
            Assert.True(reasons.Contains(ProtocolJson.EnumWireName(reason)), $"{name}: no quarantine record with reason {ProtocolJson.EnumWireName(reason)}; got {string.Join(',', reasons)}");
        }

        Assert.Contains("too_large", reasons);
        Assert.Contains("duplicate_sequence", reasons);
        var stored = await collector.GetJsonAsync("/api/v1/devices");
        Assert.Equal(goodSequences.Count, StoredBatches(stored, "gw-01"));
        var stats = await collector.GetJsonAsync("/api/v1/ingest/stats");
        Assert.Equal(1, stats.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, reasons.Count(r => r == "duplicate_sequence"));
        var health = await collector.GetJsonAsync("/healthz");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Empty(collector.Process.ErrorLines()); // bad input is a warning and a quarantine record, not an error
    }

    [Fact]
    public async Task Connect_WrongSecret_RefusedAndNothingStored()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(Options(collector, device with { Secret = "not-the-secret" }));

        Assert.NotEqual(MqttClientConnectResultCode.Success, result.ResultCode);
        var unknown = await new MqttClientFactory().CreateMqttClient().ConnectAsync(Options(collector, DeviceSpec.Create("acme-metal", "gw-99")));
        Assert.NotEqual(MqttClientConnectResultCode.Success, unknown.ResultCode);
    }

    internal static IEnumerable<JsonElement> Records(JsonElement quarantine) =>
        quarantine.ValueKind == JsonValueKind.Array ? quarantine.EnumerateArray()
        : quarantine.TryGetProperty("items", out var items) ? items.EnumerateArray()
        : quarantine.GetProperty("records").EnumerateArray();

    internal static int StoredBatches(JsonElement devices, string device) =>
        devices.EnumerateArray().Where(d => d.GetProperty("device").GetString() == device).Select(d => d.GetProperty("storedBatches").GetInt32()).FirstOrDefault();

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(200);
        }
    }

    private static MqttClientOptions Options(CollectorProcess collector, DeviceSpec device) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", collector.MqttPort!.Value)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(device.Device + "-test")
            .WithCredentials(device.Device, device.Secret)
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();

    private static async Task<IMqttClient> ConnectAsync(CollectorProcess collector, DeviceSpec device)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(Options(collector, device));
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static async Task PublishAsync(IMqttClient client, DeviceSpec device, byte[] payload)
    {
        var result = await client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(Topics.SignalsOf(device.Enterprise, device.Device))
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());
        Assert.True(result.IsSuccess || result.ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers, $"publish failed: {result.ReasonCode}");
    }

    private T Own<T>(T owned)
        where T : IAsyncDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}
