using EdgeCredit.Collector.Storage;
using EdgeCredit.Protocol;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.Ingest;

/// <summary>
/// The one writer: drains up to MaxBatchMessages (or what arrives within MaxBatchDelay), writes them in one
/// SQLite transaction with prepared commands, commits, and only then completes each item (the broker
/// acknowledgement) and queues one delivery receipt per device for the receipt publisher (never waiting for it).
/// A failed transaction is rolled back and retried with backoff; its items are neither lost nor acknowledged.
/// </summary>
internal sealed partial class IngestWriter(
    IngestQueue queue,
    ReceiptQueue receipts,
    CollectorDatabase database,
    IngestCounters counters,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<IngestWriter> logger) : BackgroundService
{
    private readonly IngestOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var items = new List<WriteItem>(_options.MaxBatchMessages);
        var outcomes = new List<IngestOutcome>(_options.MaxBatchMessages);
        try
        {
            await using var connection = database.Open();
            using var session = new SignalWriteSession(connection);
            LogStarted(logger, database.FilePath);
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await CollectAsync(items, stoppingToken);
                await CommitWithRetryAsync(session, items, outcomes, stoppingToken);
                items.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is not committed is not acknowledged, so the broker or device sends it again.
        }
        finally
        {
            foreach (var item in items)
            {
                item.Completion.TrySetCanceled(stoppingToken);
            }

            while (queue.Reader.TryRead(out var item))
            {
                item.Completion.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task CollectAsync(List<WriteItem> items, CancellationToken cancellationToken)
    {
        var reader = queue.Reader;
        var max = _options.MaxBatchMessages;
        var started = time.GetTimestamp();
        while (true)
        {
            while (items.Count < max && reader.TryRead(out var item))
            {
                items.Add(item);
            }

            var remaining = _options.MaxBatchDelay - time.GetElapsedTime(started);
            if (items.Count >= max || remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timeout = new CancellationTokenSource(remaining, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                if (!await reader.WaitToReadAsync(linked.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task CommitWithRetryAsync(SignalWriteSession session, List<WriteItem> items, List<IngestOutcome> outcomes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Write(session, items, outcomes);
                break;
            }
            catch (SqliteException ex)
            {
                counters.WriteFailed();
                var delay = RetryDelay(attempt);
                LogWriteFailed(logger, ex, items.Count, attempt, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        // Committed: queue the receipts (without waiting), then release the acknowledgements.
        counters.TransactionCommitted();
        PostReceipts(items, outcomes);
        for (var i = 0; i < items.Count; i++)
        {
            var signals = items[i] is BatchWrite batch ? batch.Batch.Signals.Count : 0;
            counters.Committed(outcomes[i], signals);
            items[i].Completion.TrySetResult(outcomes[i]);
        }
    }

    private void PostReceipts(List<WriteItem> items, List<IngestOutcome> outcomes)
    {
        var dropped = 0;
        foreach (var receipt in ReceiptBuilder.Build(items, outcomes))
        {
            if (!receipts.TryWrite(receipt))
            {
                dropped++;
                counters.ReceiptDropped();
            }
        }

        if (dropped > 0)
        {
            LogReceiptsDropped(logger, dropped, receipts.Capacity);
        }
    }

    private static void Write(SignalWriteSession session, List<WriteItem> items, List<IngestOutcome> outcomes)
    {
        outcomes.Clear();
        using var transaction = session.Begin();
        foreach (var item in items)
        {
            outcomes.Add(item switch
            {
                BatchWrite batch => WriteBatch(session, batch),
                QuarantineWrite quarantine => WriteQuarantine(session, quarantine.Record),
                DeviceWrite device => WriteDevice(session, device.Update),
                _ => throw new InvalidOperationException($"Unknown write item {item.GetType().Name}."),
            });
        }

        session.Commit(transaction);
    }

    private static IngestOutcome WriteBatch(SignalWriteSession session, BatchWrite write)
    {
        var batch = write.Batch;
        switch (session.InsertBatch(batch, write.SignalsHash, write.Origin.ReceivedAtMs))
        {
            case BatchInsert.Inserted:
                return IngestOutcome.Stored;
            case BatchInsert.Identical:
                return IngestOutcome.AlreadyStored;
            default:
                var detail = $"device {batch.Device} sequence {batch.Sequence} is already stored with different signals; the content differs, so this copy was refused and the stored batch kept";
                return WriteQuarantine(session, write.Origin.Quarantine(RejectReason.DuplicateSequence, detail));
        }
    }

    private static IngestOutcome WriteQuarantine(SignalWriteSession session, QuarantineRecord record)
    {
        session.InsertQuarantine(record);
        return IngestOutcome.Quarantined(record.Reason, record.Detail);
    }

    private static IngestOutcome WriteDevice(SignalWriteSession session, DeviceUpdate update)
    {
        session.UpdateDevice(update);
        return IngestOutcome.DeviceUpdated;
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var ms = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, 50 * Math.Pow(2, Math.Min(attempt - 1, 16)));
        return TimeSpan.FromMilliseconds(ms);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Ingest writer started on {DatabasePath}")]
    private static partial void LogStarted(ILogger logger, string databasePath);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "Write transaction of {Count} messages failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Dropped {Count} delivery receipts: the receipt queue is full ({Capacity}); those devices will send the batches again")]
    private static partial void LogReceiptsDropped(ILogger logger, int count, int capacity);
}
