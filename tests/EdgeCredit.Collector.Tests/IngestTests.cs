using System.Text.RegularExpressions;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;

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
    public async Task Ingest_IdenticalResendLaterSentAt_NotQuarantinedCountedAndReceiptedAsStored()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var windowEnd = IngestHarness.Now.AddMinutes(-1);
        var original = ProtocolJson.Serialize(TestBatches.Batch(11, IngestHarness.Now.AddSeconds(-30), windowEnd: windowEnd));
        var resend = ProtocolJson.Serialize(TestBatches.Batch(11, IngestHarness.Now, windowEnd: windowEnd));

        var first = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(original), CancellationToken.None).WaitAsync(Timeout);
        var firstReceipts = harness.TakeReceipts();
        var second = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(resend), CancellationToken.None).WaitAsync(Timeout);
        var secondReceipts = harness.TakeReceipts();

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.AlreadyStored, second.Result);
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM batches WHERE sequence = 11"));
        Assert.Equal(2, harness.Scalar("SELECT count(*) FROM signals WHERE sequence = 11"));
        Assert.Equal(0, harness.Scalar("SELECT count(*) FROM quarantine"));
        var stats = harness.Counters.Snapshot();
        Assert.Equal(1, stats.Duplicates);
        Assert.Equal(1, stats.AcceptedBatches);
        Assert.Equal(0, stats.QuarantinedTotal);
        AssertReceipt(Assert.Single(firstReceipts), TestBatches.Device, stored: [11]);
        AssertReceipt(Assert.Single(secondReceipts), TestBatches.Device, stored: [11]);
    }

    [Fact]
    public async Task Ingest_SameSequenceDifferentSignals_QuarantinedDuplicateSequenceAndRefused()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var first = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(TestBatches.Batch(11, IngestHarness.Now, signals: 2))), CancellationToken.None).WaitAsync(Timeout);
        harness.TakeReceipts();

        var different = TestBatches.Batch(11, IngestHarness.Now, signals: 3);
        var second = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(different)), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.Quarantined, second.Result);
        Assert.Equal(RejectReason.DuplicateSequence, second.Reason);
        Assert.Contains("content differs", second.Detail, StringComparison.Ordinal);
        Assert.Equal(2, harness.Scalar("SELECT count(*) FROM signals WHERE sequence = 11"));
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM quarantine WHERE reason = 'duplicate_sequence' AND detail LIKE '%content differs%'"));
        var stats = harness.Counters.Snapshot();
        Assert.Equal(0, stats.Duplicates);
        Assert.Equal(1, stats.Quarantined["duplicate_sequence"]);
        var receipt = AssertReceipt(Assert.Single(harness.TakeReceipts()), TestBatches.Device, stored: []);
        var refused = Assert.Single(receipt.Refused);
        Assert.Equal(11, refused.Sequence);
        Assert.Equal(RejectReason.DuplicateSequence, refused.Reason);
        Assert.Equal(second.Detail, refused.Detail);
    }

    [Fact]
    public async Task Ingest_DuplicatesInsideOneTransaction_OnlyFirstStoredOneReceipt()
    {
        await using var harness = new IngestHarness();
        var payload = TestBatches.Payload(12, IngestHarness.Now);

        // Queued before the writer runs, so both copies land in the same drain and transaction.
        var a = await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(payload), CancellationToken.None);
        var b = await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(payload), CancellationToken.None);
        await harness.StartAsync();

        var outcomes = await Task.WhenAll(a, b).WaitAsync(Timeout);
        Assert.Equal([IngestResult.Stored, IngestResult.AlreadyStored], outcomes.Select(o => o.Result));
        Assert.Equal(1, harness.Scalar("SELECT count(*) FROM batches WHERE sequence = 12"));
        Assert.Equal(1, harness.Counters.Snapshot().Transactions);
        AssertReceipt(Assert.Single(harness.TakeReceipts()), TestBatches.Device, stored: [12]);
    }

    [Fact]
    public async Task Ingest_ResendOfBatchStoredBySchemaVersion1_HashComputedFromRowsAndCompared()
    {
        await using var harness = new IngestHarness();
        var batch = TestBatches.Batch(11, IngestHarness.Now);
        CreateVersion1Database(harness.Database.FilePath, batch);
        await harness.StartAsync();

        var identical = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch with { SentAt = IngestHarness.Now.AddSeconds(1) })), CancellationToken.None).WaitAsync(Timeout);
        var different = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch with { Signals = [batch.Signals[0] with { Value = 7 }] })), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestResult.AlreadyStored, identical.Result);
        Assert.Equal(IngestResult.Quarantined, different.Result);
        Assert.Equal(RejectReason.DuplicateSequence, different.Reason);
        Assert.Equal(SignalsHash.Length, harness.Scalar("SELECT length(signals_hash) FROM batches WHERE sequence = 11"));
        Assert.Equal(Schema.Version, harness.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task Writer_OneTransactionTwoDevices_OneReceiptPerDeviceWithStoredAndRefused()
    {
        await using var harness = new IngestHarness();
        var template = TestBatches.Batch(3, IngestHarness.Now);
        var bad = ProtocolJson.Serialize(template with { Signals = [template.Signals[0] with { Value = -5 }] });
        var pending = new List<Task<IngestOutcome>>
        {
            await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now)), CancellationToken.None),
            await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(TestBatches.Payload(2, IngestHarness.Now)), CancellationToken.None),
            await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(bad), CancellationToken.None),
            await harness.Ingestor.SubmitSignalsAsync(TestBatches.Message(TestBatches.Payload(9, IngestHarness.Now, TestBatches.OtherDevice), TestBatches.SignalsTopic(TestBatches.OtherDevice)), CancellationToken.None),
        };
        await harness.StartAsync();

        await Task.WhenAll(pending).WaitAsync(Timeout);

        var receipts = harness.TakeReceipts().ToDictionary(r => r.Device);
        Assert.Equal(2, receipts.Count);
        var own = AssertReceipt(receipts[TestBatches.Device], TestBatches.Device, stored: [1, 2]);
        var refused = Assert.Single(own.Refused);
        Assert.Equal(3, refused.Sequence);
        Assert.Equal(RejectReason.ValueOutOfRange, refused.Reason);
        Assert.Contains("-5", refused.Detail, StringComparison.Ordinal);
        AssertReceipt(receipts[TestBatches.OtherDevice], TestBatches.OtherDevice, stored: [9]);
    }

    [Fact]
    public async Task Ingest_ClockSkew_RefusedInReceipt()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var batch = TestBatches.Batch(4, IngestHarness.Now.AddMinutes(10));

        await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None).WaitAsync(Timeout);

        var receipt = AssertReceipt(Assert.Single(harness.TakeReceipts()), TestBatches.Device, stored: []);
        Assert.Equal(RejectReason.ClockSkew, Assert.Single(receipt.Refused).Reason);
    }

    [Theory]
    [InlineData("not-json")]
    [InlineData("unknown-device")]
    [InlineData("topic-names-other-device")]
    [InlineData("authenticated-as-other-device")]
    [InlineData("too-large")]
    public async Task Ingest_SenderOrSequenceNotEstablished_QuarantinedWithoutReceipt(string problem)
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var message = problem switch
        {
            "not-json" => TestBatches.Message(TestBatches.Utf8("{oops")),
            "unknown-device" => TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now, device: "gw-99"), TestBatches.SignalsTopic("gw-99")),
            "topic-names-other-device" => TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now), TestBatches.SignalsTopic(TestBatches.OtherDevice)),
            "authenticated-as-other-device" => TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now), authenticatedAs: TestBatches.OtherDevice),
            _ => TestBatches.Message(new byte[ProtocolLimits.MaxPayloadBytes + 1]),
        };

        var outcome = await harness.Ingestor.IngestSignalsAsync(message, CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestResult.Quarantined, outcome.Result);
        Assert.Empty(harness.TakeReceipts());
    }

    [Fact]
    public async Task Writer_ReceiptQueueFull_ReceiptDroppedAndCountedBatchStillStored()
    {
        await using var harness = new IngestHarness(receiptQueueCapacity: 1);
        await harness.StartAsync();

        var first = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Payload(1, IngestHarness.Now)), CancellationToken.None).WaitAsync(Timeout);
        var second = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(TestBatches.Payload(2, IngestHarness.Now)), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.Stored, second.Result);
        Assert.Equal(2, harness.Scalar("SELECT count(*) FROM batches"));
        Assert.Equal(1, harness.Counters.Snapshot().ReceiptsDropped);
        AssertReceipt(Assert.Single(harness.TakeReceipts()), TestBatches.Device, stored: [1]);
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

    [Fact]
    public async Task Ingest_SentTwoHoursAgo_StoredBecauseItWaitedInABroker()
    {
        await using var harness = new IngestHarness();
        await harness.StartAsync();
        var batch = TestBatches.Batch(1, IngestHarness.Now.AddHours(-2), windowEnd: IngestHarness.Now.AddHours(-2));

        var outcome = await harness.Ingestor.IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal(IngestOutcome.Stored, outcome);
    }

    [Theory]
    [InlineData(6, 0)]
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

    private static void CreateVersion1Database(string path, SignalBatch batch)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Regex.Replace(Schema.Create, @"^\s*signals_hash BLOB,\r?\n", string.Empty, RegexOptions.Multiline) + "PRAGMA user_version = 1;";
        command.ExecuteNonQuery();
        command.CommandText = "INSERT INTO batches (device, sequence, enterprise, sent_at, received_at, signal_count) VALUES ($d, $s, $e, 0, 0, $n)";
        command.Parameters.AddWithValue("$d", batch.Device);
        command.Parameters.AddWithValue("$s", batch.Sequence);
        command.Parameters.AddWithValue("$e", batch.Enterprise);
        command.Parameters.AddWithValue("$n", batch.Signals.Count);
        command.ExecuteNonQuery();
        for (var i = 0; i < batch.Signals.Count; i++)
        {
            var signal = batch.Signals[i];
            command.CommandText = "INSERT INTO signals VALUES ($e, $d, $s, $i, $start, $end, $source, $kind, $value, $unit, $quality)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$e", batch.Enterprise);
            command.Parameters.AddWithValue("$d", batch.Device);
            command.Parameters.AddWithValue("$s", batch.Sequence);
            command.Parameters.AddWithValue("$i", i);
            command.Parameters.AddWithValue("$start", signal.Start.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$end", signal.End.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$source", signal.Source);
            command.Parameters.AddWithValue("$kind", SignalVocabulary.WireName(signal.Kind));
            command.Parameters.AddWithValue("$value", signal.Value);
            command.Parameters.AddWithValue("$unit", signal.Unit);
            command.Parameters.AddWithValue("$quality", ProtocolJson.EnumWireName(signal.Quality));
            command.ExecuteNonQuery();
        }

        command.CommandText = "SELECT count(*) FROM pragma_table_info('batches') WHERE name = 'signals_hash'";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    private static DeliveryReceipt AssertReceipt(DeviceReceipt receipt, string device, long[] stored)
    {
        Assert.Equal(TestBatches.Enterprise, receipt.Enterprise);
        Assert.Equal(device, receipt.Device);
        Assert.Equal(Topics.ReceiptsOf(TestBatches.Enterprise, device), receipt.Topic);
        Assert.Equal(1, receipt.Receipt.Version);
        Assert.Equal(stored, receipt.Receipt.Stored);
        return receipt.Receipt;
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
