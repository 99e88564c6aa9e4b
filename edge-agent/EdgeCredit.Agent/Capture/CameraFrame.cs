using System.Buffers;

namespace EdgeCredit.Agent.Capture;

/// <summary>
/// One decoded frame at the analysis size, 8-bit grey, rows top to bottom, <see cref="Width"/> bytes per row (no
/// padding). The pixels live in a buffer rented from <see cref="ArrayPool{T}.Shared"/>: whoever holds the frame last
/// disposes it, which returns the buffer. Frames never leave the box.
/// </summary>
internal sealed class CameraFrame : IDisposable
{
    private byte[]? _buffer;

    public CameraFrame(string camera, long index, DateTimeOffset at, int width, int height)
    {
        ArgumentException.ThrowIfNullOrEmpty(camera);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Camera = camera;
        Index = index;
        At = at;
        Width = width;
        Height = height;
        _buffer = ArrayPool<byte>.Shared.Rent(width * height);
    }

    /// <summary>Camera name (a protocol source name).</summary>
    public string Camera { get; }

    /// <summary>Number of the frame since the capture started (counts every decoded frame, also those dropped later).</summary>
    public long Index { get; }

    /// <summary>When the frame was read from the decoder (UTC, from the injected TimeProvider).</summary>
    public DateTimeOffset At { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The grey pixels, <see cref="Width"/> × <see cref="Height"/> bytes.</summary>
    public Span<byte> Pixels
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            return _buffer.AsSpan(0, Width * Height);
        }
    }

    /// <summary>The rented array behind <see cref="Pixels"/> (longer than the frame; for APIs that need an array).</summary>
    public byte[] Buffer
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            return _buffer;
        }
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
