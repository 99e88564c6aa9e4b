using System.ComponentModel;
using System.Globalization;

namespace EdgeCredit.Agent.Capture;

/// <summary>One ffmpeg run: start, learn the frame size, read frames until the stream ends, fails or stalls.</summary>
internal sealed partial class FfmpegCamera
{
    /// <summary>Bytes read before a frame is stamped: the stamp is when its first bytes arrived, not when we began waiting.</summary>
    private const int FirstChunk = 4096;

    private long _lastFrame;
    private volatile bool _streaming;

    private async Task<CaptureRunEnd> RunOnceAsync(CancellationToken cancellationToken)
    {
        FfmpegProcess ffmpeg;
        try
        {
            ffmpeg = FfmpegProcess.Start(_ffmpegPath, _arguments);
        }
        catch (Win32Exception ex)
        {
            return new CaptureRunEnd($"cannot run {_ffmpegPath}: {ex.Message}", false, 0, TimeSpan.Zero, CannotRun: true);
        }

        await using (ffmpeg)
        {
            _current = ffmpeg;
            _streaming = false;
            Volatile.Write(ref _lastFrame, _time.GetTimestamp());
            var frames = 0L;
            var firstFrame = 0L;
            string? ended = null;
            using var stopWatchdog = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var watchdog = WatchAsync(ffmpeg, stopWatchdog.Token);
            try
            {
                var (width, height) = await ffmpeg.Size.WaitAsync(cancellationToken);
                if (width > 0)
                {
                    var stage = new byte[Math.Min(FirstChunk, width * height)];
                    while (ended is null)
                    {
                        var frame = await ReadFrameAsync(ffmpeg.Output, stage, width, height, cancellationToken);
                        if (frame is null)
                        {
                            ended = "end of stream";
                            break;
                        }

                        frames++;
                        if (frames == 1)
                        {
                            firstFrame = _time.GetTimestamp();
                            OnFirstFrame(ffmpeg.Id, width, height);
                        }

                        if (!_frames.Writer.TryWrite(frame))
                        {
                            frame.Dispose(); // the camera was disposed
                        }
                    }
                }
            }
            catch (IOException ex)
            {
                ended = "reading ffmpeg's output failed: " + ex.Message;
            }
            finally
            {
                await stopWatchdog.CancelAsync();
                _current = null;
            }

            // Not killed here: ffmpeg that closed its output ends by itself and its exit code tells why (it is
            // killed after a grace period if not); a stall was already killed by the watchdog.
            var watchdogReason = await watchdog;
            var exitCode = await ffmpeg.WaitForExitAsync();
            var streamedFor = frames > 0 ? _time.GetElapsedTime(firstFrame) : TimeSpan.Zero;
            if (watchdogReason is not null)
            {
                return new CaptureRunEnd(watchdogReason, _streaming, frames, streamedFor);
            }

            // "end of stream (ffmpeg exited with code 0)" when the camera closed the stream; otherwise ffmpeg's own words.
            var tail = ffmpeg.Tail();
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{(ended is null ? string.Empty : ended + ", ")}ffmpeg exited with code {exitCode}{(tail.Length == 0 ? string.Empty : ": " + tail)}");
            return new CaptureRunEnd(reason, false, frames, streamedFor);
        }
    }

    private async Task<CameraFrame?> ReadFrameAsync(Stream output, byte[] stage, int width, int height, CancellationToken cancellationToken)
    {
        var size = width * height;
        var first = await output.ReadAsync(stage, cancellationToken);
        if (first == 0)
        {
            return null;
        }

        var frame = new CameraFrame(Camera, _index, _time.GetUtcNow(), width, height);
        try
        {
            stage.AsSpan(0, first).CopyTo(frame.Buffer);
            if (first < size)
            {
                var rest = await output.ReadAtLeastAsync(frame.Buffer.AsMemory(first, size - first), size - first, throwOnEndOfStream: false, cancellationToken);
                if (first + rest < size)
                {
                    frame.Dispose();
                    return null; // ended in the middle of a frame
                }
            }
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        _index++;
        Counters.AddDecoded();
        Volatile.Write(ref _lastFrame, _time.GetTimestamp());
        return frame;
    }

    private void OnFirstFrame(int pid, int width, int height)
    {
        _streaming = true;
        Publish(CameraLinkState.Streaming, string.Create(CultureInfo.InvariantCulture, $"{width}x{height} grey frames"));
        if (_offlineSince is { } since)
        {
            var outage = _time.GetUtcNow() - since;
            CaptureLog.Recovered(_logger, Camera, MaskedUrl, outage, width, height, pid, Counters.Reconnects);
            _offlineSince = null;
        }
        else
        {
            CaptureLog.Streaming(_logger, Camera, MaskedUrl, width, height, pid);
        }
    }

    /// <summary>
    /// Kills ffmpeg when no frame came for StallTimeout while streaming, or for StallTimeout + <see cref="ProbeAllowance"/>
    /// since it started; returns the reason, or null when stopped first.
    /// </summary>
    private async Task<string?> WatchAsync(FfmpegProcess ffmpeg, CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromTicks(Math.Min(_camera.StallTimeout.Ticks / 5, TimeSpan.TicksPerSecond));
        try
        {
            while (true)
            {
                await Task.Delay(period, _time, cancellationToken);
                var streaming = _streaming;
                var limit = streaming ? _camera.StallTimeout : _camera.StallTimeout + ProbeAllowance;
                if (_time.GetElapsedTime(Volatile.Read(ref _lastFrame)) >= limit)
                {
                    ffmpeg.Kill();
                    return streaming
                        ? $"stalled: no frame for {OptionsFormat(limit)} (ffmpeg killed by the watchdog)"
                        : $"no video within {OptionsFormat(limit)} of starting ffmpeg (camera does not answer or sends no video)";
                }
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static string OptionsFormat(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
