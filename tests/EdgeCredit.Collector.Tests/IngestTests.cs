using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;

namespace EdgeCredit.Collector.Tests;

public sealed class IngestTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ingest_ValidBatch_RowsQueryableWhenAckCompletes()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        var committed = await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(TestBatches.Payload(7, IngestHarness.Now), authenticatedAs: TestBatches.Device), CancellationToken.None);
        var outcome = await committed.WaitAsync(Timeout);

        // The moment the acknowledgement is released, another connection already sees the batch and its signals.
        Assert.Equal(IngestResult.Stored, outcome.Result);
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM batches WHERE device = 'gw-01' AND sequence = 7"));
        Assert.Equal(2, harness.Scalar("SELECT count(*) FROM signals WHERE device = 'gw-01' AND sequence = 7"));
        Assert.Equal(IngestHarness.Now.ToUnixTimeMilliseconds(), harness.Scalar("SELECT last_seen FROM devices WHERE id = 'gw-01'"));
        Assert.Equal(1, harness.Counters.Snapshot().AcceptedBatches);
        Assert.Equal(2, harness.Counters.Snapshot().AcceptedSignals);
    }

    [Fact]
    public async Task Ingest_SameSequenceTwice_SecondQuarantinedAndNotStoredAgain()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var payload = TestBatches.Payload(11, IngestHarness.Now);

        var first = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload), CancellationToken.None).WaitAsync(Timeout);
        var second = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.Quarantined, second.Result);
        Assert.Equal(RejectReason.DuplicateSequence, second.Reason);
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM batches WHERE sequence = 11"));
        Assert.Equal(2, harness.Scalar("SELECT count(*) FROM signals WHERE sequence = 11"));
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'duplicate_sequence'"));
        Assert.Equal(1, harness.Counters.Snapshot().Duplicates);
    }

    [Fact]
    public async Task Ingest_DuplicatesInsideOneTransaction_OnlyFirstStored()
    {
        await using var harness = new IngestHarness();
        var payload = TestBatches.Payload(12, IngestHarness.Now);

        // Queued before the writer runs, so both copies land in the same drain and transaction.
        var a = await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(payload), CancellationToken.None);
        var b = await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(payload), CancellationToken.None);
        await harness.StartAsync();

        var outcomes = await Task.WhenAll(a, b).WaitAsync(Timeout);
        Assert.Equal([IngestResult.Stored, IngestResult.Quarantined], outcomes.Select(o => o.Result));
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM batches WHERE sequence = 12"));
        Assert.Equal(1, harness.Counters.Snapshot().Transactions);
    }

    [Fact]
    public async Task Ingest_UnknownDevice_QuarantinedUnknownDevice()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var payload = TestBatches.Payload(1, IngestHarness.Now, device: "gw-99");

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload, TestBatches.SignalsTopic("gw-99")), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.UnknownDevice, "gw-99");
    }

    [Fact]
    public async Task Ingest_DeviceUnderOtherEnterprise_QuarantinedUnknownDevice()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var payload = TestBatches.Payload(1, IngestHarness.Now, enterprise: "other-co");

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload, TestBatches.SignalsTopic(enterprise: "other-co")), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.UnknownDevice, "registered to enterprise 'acme-metal'");
    }

    [Fact]
    public async Task Ingest_TopicNamesOtherDevice_QuarantinedTopicMismatch()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now), TestBatches.SignalsTopic(TestBatches.OtherDevice)), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.TopicMismatch, "topic names acme-metal/gw-02");
    }

    [Fact]
    public async Task Ingest_AuthenticatedAsOtherDevice_QuarantinedTopicMismatch()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var payload = TestBatches.Payload(1, IngestHarness.Now, device: TestBatches.OtherDevice);

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload, TestBatches.SignalsTopic(TestBatches.OtherDevice), authenticatedAs: TestBatches.Device), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.TopicMismatch, "authenticated as device 'gw-01'");
    }

    [Theory]
    [InlineData(6, 0)]
    [InlineData(-6, 0)]
    [InlineData(0, 6)]
    public async Task Ingest_ClockOutsideSkew_QuarantinedClockSkew(int sentAtOffsetMinutes, int windowEndOffsetMinutes)
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var sentAt = IngestHarness.Now.AddMinutes(sentAtOffsetMinutes);
        var batch = TestBatches.Batch(1, sentAt, windowEnd: IngestHarness.Now.AddMinutes(windowEndOffsetMinutes));

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.ClockSkew, "collector's clock");
    }

    [Fact]
    public async Task Ingest_SignalOlderThan400Days_QuarantinedClockSkew()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var batch = TestBatches.Batch(1, IngestHarness.Now, windowEnd: IngestHarness.Now.AddDays(-401));

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.ClockSkew, "400 days");
    }

    [Theory]
    [InlineData("{not json", RejectReason.NotJson)]
    [InlineData("""{"version":2,"enterprise":"acme-metal","device":"gw-01","sequence":1,"sentAt":"2026-11-25T21:45:00Z","signals":[]}""", RejectReason.UnsupportedVersion)]
    [InlineData("""{"version":1,"enterprise":"acme-metal","device":"gw-01","sequence":1,"sentAt":"2026-11-25T21:45:00Z","signals":[{"start":"2026-11-25T21:44:00Z","end":"2026-11-25T21:45:00Z","source":"p","kind":"energy","value":1,"unit":"W","quality":"good"}]}""", RejectReason.UnitMismatch)]
    [InlineData("""{"version":1,"enterprise":"acme-metal","device":"gw-01","sequence":1,"sentAt":"2026-11-25T21:45:00Z","extra":1,"signals":[]}""", RejectReason.SchemaViolation)]
    public async Task Ingest_ParserRejects_QuarantinedWithParserReason(string json, RejectReason expected)
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Utf8(json)), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, expected, string.Empty);
        Assert.Equal(json.Length, harness.Scalar("SELECT length(payload_head) FROM quarantine"));
    }

    [Fact]
    public async Task Ingest_PayloadOverLimit_QuarantinedTooLargeWithOnlyHeadStored()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var payload = new byte[ProtocolLimits.MaxPayloadBytes + 1];

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(payload), CancellationToken.None).WaitAsync(Timeout);

        AssertQuarantined(harness, outcome, RejectReason.TooLarge, "limit");
        Assert.Equal(QuarantineRecord.MaxHeadBytes, harness.Scalar("SELECT length(payload_head) FROM quarantine"));
        Assert.Equal(payload.Length, harness.Scalar("SELECT payload_bytes FROM quarantine"));
    }

    [Fact]
    public async Task Writer_ManyConcurrentBatches_StoresEveryOneInFewerTransactions()
    {
        await using var harness = new IngestHarness(maxBatchMessages: 500);
        const int Count = 3000;

        // Queue everything first so the writer has full drains to batch.
        var pending = new List<Task<IngestOutcome>>();
        for (var i = 1; i <= Count; i++)
        {
            var device = i % 2 == 0 ? TestBatches.Device : TestBatches.OtherDevice;
            pending.Add(await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(TestBatches.Payload(i, IngestHarness.Now, device, signals: 10), TestBatches.SignalsTopic(device)), CancellationToken.None));
        }

        await harness.StartAsync();
        var outcomes = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.All(outcomes, o => Assert.Equal(IngestResult.Stored, o.Result));
        Assert.Equal(Count, harness.Scalar("SELECT count(*) FROM batches"));
        Assert.Equal(Count * 10, harness.Scalar("SELECT count(*) FROM signals"));
        var stats = harness.Counters.Snapshot();
        Assert.Equal(Count * 10, stats.AcceptedSignals);
        Assert.InRange(stats.Transactions, Count / 500, Count / 500 + 1);
        Assert.Equal(0, stats.QueueDepth);
    }

    [Fact]
    public async Task Ingest_Status_UpdatesDeviceRow()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var status = new DeviceStatus { Version = 1, State = DeviceState.Online, At = IngestHarness.Now, LastSequence = 99, OutboxDepth = 17 };
        var message = TestBatches.Message(ProtocolJson.Serialize(status), Topics.StatusOf(TestBatches.Enterprise, TestBatches.Device));

        var outcome = await (await harness.Ingestor.SubmitStatusAsync(message, CancellationToken.None)).WaitAsync(Timeout);

        Assert.Equal(IngestResult.DeviceUpdated, outcome.Result);
        Assert.Equal(17, harness.Scalar("SELECT outbox_depth FROM devices WHERE id = 'gw-01'"));
        Assert.Equal(99, harness.Scalar("SELECT last_sequence FROM devices WHERE id = 'gw-01'"));
        Assert.Equal(1, harness.Scalar("SELECT online FROM devices WHERE id = 'gw-01'"));
    }

    private static void AssertQuarantined(IngestHarness harness, IngestOutcome outcome, RejectReason reason, string detailContains)
    {
        Assert.Equal(IngestResult.Quarantined, outcome.Result);
        Assert.Equal(reason, outcome.Reason);
        Assert.Contains(detailContains, outcome.Detail, StringComparison.Ordinal);
        var wire = ProtocolJson.EnumWireName(reason);
        Assert.Equal(1, harness.Scalar($"SELECT count(*) FROM quarantine WHERE reason = '{wire}'"));
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM batches"));
        Assert.Equal(1, harness.Counters.Snapshot().Quarantined[wire]);
    }
}
