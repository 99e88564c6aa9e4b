using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using OpenCvSharp;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// Stills of a camera for one reader that needs more pixels than the analysis frame (a meter read by OCR). The camera's
/// own ffmpeg writes a grey picture <see cref="Output"/>.Width px wide every 1 / Fps s to one file, from the frames it
/// decodes anyway (see <see cref="FfmpegArguments"/>): the camera is opened once and decoded once. Each picture is
/// written beside the file and renamed over it, so it is never read half-written. <see cref="RunAsync"/> looks at the
/// file four times per still interval and passes each new picture on as a frame, in a queue of one: an unread picture
/// is replaced by the newer one and counted as dropped. While the camera is offline no picture comes, so the reader
/// sees no frame (an OCR meter's readings then go stale). Owns the file: created by the camera's ffmpeg, deleted on
/// <see cref="Dispose"/>.
/// </summary>
internal sealed class StillFeed : ICameraFeed, IDisposable
{
    private static readonly TimeSpan MinPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<CameraFrame> _frames;
    private readonly Channel<CameraLinkChange> _links = Channel.CreateBounded<CameraLinkChange>(1);
    /// <summary>What <see cref="File.GetLastWriteTimeUtc(string)"/> answers for a file that is not there (yet).</summary>
    private static readonly DateTime NoFile = DateTime.FromFileTimeUtc(0);

    private DateTime _lastWrite = NoFile;
    private long _index;
    private int _disposed;

    /// <param name="camera">The camera whose ffmpeg writes the stills.</param>
    /// <param name="reader">Who reads them (a meter's name): part of the file's name.</param>
    /// <param name="output">The file, rate and width ffmpeg is asked for.</param>
    /// <param name="time">Clock (frames are stamped when the picture is found).</param>
    /// <param name="logger">Logger.</param>
    public StillFeed(string camera, string reader, CameraStillOutput output, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentException.ThrowIfNullOrEmpty(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        Camera = camera;
        Reader = reader;
        Output = output;
        _time = time;
        _logger = logger;
        _frames = Channel.CreateBounded<CameraFrame>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true, SingleReader = true },
            frame =>
            {
                frame.Dispose();
                Counters.AddDropped();
            });
        _links.Writer.TryComplete(); // the camera's link states are the camera's: see its own feed
        File.Delete(output.Path);
    }

    public string Camera { get; }

    public string Reader { get; }

    public CameraStillOutput Output { get; }

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    /// <summary>Always completed and empty: the link of the camera is reported by the camera itself.</summary>
    public ChannelReader<CameraLinkChange> LinkChanges => _links.Reader;

    /// <summary><see cref="CaptureCounters.Decoded"/>: stills read; <see cref="CaptureCounters.Dropped"/>: replaced unread.</summary>
    public CaptureCounters Counters { get; } = new();

    /// <summary>How often the file is looked at: a quarter of the still interval, within 0.25 .. 5 s.</summary>
    public TimeSpan PollPeriod => TimeSpan.FromTicks(Math.Clamp((long)(TimeSpan.TicksPerSecond / Output.Fps / 4), MinPoll.Ticks, MaxPoll.Ticks));

    /// <summary>Passes each new still on until cancelled; completes <see cref="Frames"/> when it returns. Call once.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        try
        {
            while (true)
            {
                await Task.Delay(PollPeriod, _time, cancellationToken).ConfigureAwait(false);
                try
                {
                    ReadNew();
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OpenCVException)
                {
                    // The loop boundary: one unreadable picture costs one still, not the reader.
                    CaptureLog.StillUnreadable(_logger, Camera, Reader, Output.Path, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }

    /// <summary>Reads the file if ffmpeg renamed a new picture over it since the last look. Returns whether it did.</summary>
    internal bool ReadNew()
    {
        var written = File.GetLastWriteTimeUtc(Output.Path);
        if (written == _lastWrite || written == NoFile)
        {
            return false;
        }

        using var picture = Cv2.ImRead(Output.Path, ImreadModes.Grayscale);
        if (picture.Empty())
        {
            return false; // replaced between the look and the read: the next look takes the new one
        }

        _lastWrite = written;
        var frame = new CameraFrame(Camera, _index++, _time.GetUtcNow(), picture.Width, picture.Height);
        Marshal.Copy(picture.Data, frame.Buffer, 0, picture.Width * picture.Height); // imread allocates a continuous matrix

        Counters.AddDecoded();
        if (!_frames.Writer.TryWrite(frame))
        {
            frame.Dispose(); // stopped
        }

        return true;
    }

    /// <summary>Deletes the file and disposes a still not yet read.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _frames.Writer.TryComplete();
        while (_frames.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }

        File.Delete(Output.Path);
    }
}
