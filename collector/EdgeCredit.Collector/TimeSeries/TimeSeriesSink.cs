using System.Threading.Channels;
using InfluxDB.Client.Writes;
using Microsoft.Extensions.Options;

namespace EdgeCredit.Collector.TimeSeries;

/// <summary>
/// Copies stored signals to the time-series server in rowid order. A reader takes at most BatchSize signals after the
/// last one handed on and passes them through a bounded channel to the writer, which writes each batch until the
/// server accepts it (then the checkpoint advances) or refuses it as invalid (then the range is recorded in
/// <c>sink_rejects</c> and the checkpoint moves past it). At most MaxBufferedPoints signals are in memory: the batch
/// being written, the batches read ahead, and the one being read. A server that is down only stops the checkpoint;
/// the store is the buffer, and a restarted collector resumes after the checkpoint.
/// </summary>
internal sealed partial class TimeSeriesSink(
    SinkStore store,
    ITimeSeriesWriter writer,
    TimeSeriesCounters counters,
    IOptions<TimeSeriesOptions> options,
    TimeProvider time,
    ILogger<TimeSeriesSink> logger) : BackgroundService
{
    /// <summary>The checkpoint row of this sink in <c>sink_checkpoints</c>.</summary>
    public const string CheckpointName = "influxdb";

    private readonly TimeSeriesOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        // Batches in memory: one being written + those in the channel + one being read <= MaxBufferedPoints / BatchSize.
        var slots = Math.Max(2, _options.MaxBufferedPoints / _options.BatchSize);
        var channel = Channel.CreateBounded<SignalSlice>(new BoundedChannelOptions(slots - 1)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        try
        {
            var checkpoint = await ResumeAsync(stoppingToken);

            // Both loops catch what they can retry; if one still fails, stop the other and let the failure reach the host.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var read = ReadLoopAsync(checkpoint, channel.Writer, linked.Token);
            var write = WriteLoopAsync(channel.Reader, linked.Token);
            if ((await Task.WhenAny(read, write)).IsFaulted)
            {
                await linked.CancelAsync();
            }

            await Task.WhenAll(read, write);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever was not accepted stays after the checkpoint and is written after the restart.
        }
    }

    private async Task<long> ResumeAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var checkpoint = await store.ReadCheckpointAsync(CheckpointName, cancellationToken);
                counters.Resumed(checkpoint);
                LogResumed(logger, _options.Url, _options.Bucket, checkpoint);
                return checkpoint;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogStoreFailed(logger, ex);
                await Task.Delay(RetryBackoff.Next(attempt, _options.RetryMin, _options.RetryMax, null), time, cancellationToken);
            }
        }
    }

    private async Task ReadLoopAsync(long after, ChannelWriter<SignalSlice> output, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (await output.WaitToWriteAsync(cancellationToken))
        {
            SignalSlice? slice;
            try
            {
                slice = await store.ReadAfterAsync(after, _options.BatchSize, cancellationToken);
                failures = 0;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogStoreFailed(logger, ex);
                await Task.Delay(RetryBackoff.Next(++failures, _options.RetryMin, _options.RetryMax, null), time, cancellationToken);
                continue;
            }

            if (slice is not null)
            {
                counters.Read(slice.Signals.Count);
                if (!output.TryWrite(slice))
                {
                    throw new InvalidOperationException("The sink's channel refused a batch after reporting room (it has one writer).");
                }

                after = slice.LastRowId;
            }

            // A full batch means more is waiting; otherwise the sink has caught up and lets new signals gather.
            if (slice is null || slice.Signals.Count < _options.BatchSize)
            {
                await Task.Delay(_options.FlushInterval, time, cancellationToken);
            }
        }
    }

    private async Task WriteLoopAsync(ChannelReader<SignalSlice> input, CancellationToken cancellationToken)
    {
        await foreach (var slice in input.ReadAllAsync(cancellationToken))
        {
            List<PointData> points;
            try
            {
                points = SignalPoints.ToPoints(slice, _options.Measurement);
            }
            catch (ArgumentException ex)
            {
                await RejectAsync(slice, new WriteResult(WriteStatus.Invalid, 0, "conversion: " + ex.Message, null), cancellationToken);
                continue;
            }

            await WriteUntilDoneAsync(slice, points, cancellationToken);
        }
    }

    private async Task WriteUntilDoneAsync(SignalSlice slice, List<PointData> points, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await writer.WriteAsync(points, cancellationToken);
            switch (result.Status)
            {
                case WriteStatus.Succeeded:
                    await StoreWithRetryAsync(ct => store.SaveCheckpointAsync(CheckpointName, slice.LastRowId, ct), cancellationToken);
                    counters.Written(points.Count, slice.LastRowId, time.GetUtcNow());
                    if (attempt > 1)
                    {
                        LogRecovered(logger, attempt - 1, slice.FirstRowId, slice.LastRowId);
                    }

                    return;
                case WriteStatus.Invalid:
                    await RejectAsync(slice, result, cancellationToken);
                    return;
                default:
                    counters.Retried(result.Reason);
                    var delay = RetryBackoff.Next(attempt, _options.RetryMin, _options.RetryMax, result.RetryAfter);
                    LogRetrying(logger, slice.Signals.Count, result.HttpStatus, result.Reason, attempt, delay);
                    await Task.Delay(delay, time, cancellationToken);
                    break;
            }
        }
    }

    private async Task RejectAsync(SignalSlice slice, WriteResult result, CancellationToken cancellationToken)
    {
        var reject = new SinkReject(slice.FirstRowId, slice.LastRowId, slice.Signals.Count, result.HttpStatus, result.Reason);
        await StoreWithRetryAsync(ct => store.RecordRejectAsync(CheckpointName, reject, ct), cancellationToken);
        counters.Rejected(slice.Signals.Count, slice.LastRowId, result.Reason);
        LogRejected(logger, slice.Signals.Count, slice.FirstRowId, slice.LastRowId, result.HttpStatus, result.Reason);
    }

    /// <summary>A checkpoint write that fails (disk full, lock timeout) is retried; the batch is not written again meanwhile.</summary>
    private async Task StoreWithRetryAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await action(cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogStoreFailed(logger, ex);
                await Task.Delay(RetryBackoff.Next(attempt, _options.RetryMin, _options.RetryMax, null), time, cancellationToken);
            }
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Time-series sink disabled (TimeSeries:Enabled is false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Time-series sink writing to {Url} bucket {Bucket}, resuming after signal rowid {Checkpoint}")]
    private static partial void LogResumed(ILogger logger, string? url, string bucket, long checkpoint);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Time-series write of {Points} points failed (HTTP {Status}: {Reason}); attempt {Attempt}, retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int points, int status, string reason, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 503, Level = LogLevel.Information, Message = "Time-series server accepted signals {First}..{Last} after {Retries} retries")]
    private static partial void LogRecovered(ILogger logger, int retries, long first, long last);

    [LoggerMessage(EventId = 504, Level = LogLevel.Error, Message = "Time-series server refused {Points} signals (rowid {First}..{Last}) as invalid (HTTP {Status}: {Reason}); recorded in sink_rejects and skipped")]
    private static partial void LogRejected(ILogger logger, int points, long first, long last, int status, string reason);

    [LoggerMessage(EventId = 505, Level = LogLevel.Error, Message = "Time-series sink could not read or update the collector store; retrying")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception);
}
