using System.Buffers.Binary;
using System.Device.I2c;
using Iot.Device.Ads1115;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// An ADS1115 behind the real <see cref="I2cDevice"/> interface, good enough for <see cref="Ads1115"/>: a pointer
/// register chosen by the first byte of every write; the config register 0x01 (OS, MUX, PGA, MODE, DR bits) written
/// with two big-endian bytes and read back with OS = 1 (conversions complete at once); the conversion register 0x00,
/// a big-endian int16 of the input voltage / full scale × 32768, saturating at -32768 and 32767. In continuous mode the
/// value is the conversion of the last data-rate period boundary (time from <see cref="TimeProvider"/>); in single-shot
/// mode it is latched when OS is written. Only <see cref="ClampSignal.Channel"/> carries the signal; single-ended inputs
/// cannot go below 0 V (a real ADS1115 reads about 0 there too).
/// </summary>
internal sealed class SimulatedAds1115Device : I2cDevice
{
    private static readonly double[] FullScale = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256];
    private static readonly int[] SamplesPerSecond = [8, 16, 32, 64, 128, 250, 475, 860];
    private readonly ClampSignal _signal;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _epoch;
    private readonly ushort[] _registers = [0, 0x8583, 0x8000, 0x7FFF];
    private readonly Lock _gate = new();
    private byte _pointer;
    private short _latched;
    private long _conversionsRead;

    public SimulatedAds1115Device(I2cConnectionSettings settings, ClampSignal signal, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(time);
        ConnectionSettings = settings;
        _signal = signal;
        _time = time;
        _epoch = time.GetUtcNow();
    }

    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Reads of the conversion register so far.</summary>
    public long ConversionsRead => Interlocked.Read(ref _conversionsRead);

    public override byte ReadByte()
    {
        Span<byte> buffer = stackalloc byte[2];
        Read(buffer);
        return buffer[0];
    }

    public override void Read(Span<byte> buffer)
    {
        lock (_gate)
        {
            ushort value = _pointer switch
            {
                0 => (ushort)Conversion(),
                1 => (ushort)(_registers[1] | 0x8000),
                _ => _registers[_pointer & 3],
            };
            Span<byte> bytes = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
            for (var i = 0; i < buffer.Length; i++)
            {
                buffer[i] = bytes[i % 2];
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            _pointer = (byte)(buffer[0] & 3);
            if (buffer.Length < 3)
            {
                return;
            }

            var value = BinaryPrimitives.ReadUInt16BigEndian(buffer[1..]);
            _registers[_pointer] = value;
            if (_pointer == 1 && (value & 0x8000) != 0 && (value & 0x0100) != 0)
            {
                // Single-shot conversion started: the result is ready at once.
                _latched = Convert(_time.GetUtcNow());
            }
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private short Conversion()
    {
        Interlocked.Increment(ref _conversionsRead);
        var config = _registers[1];
        if ((config & 0x0100) != 0)
        {
            return _latched;
        }

        var sps = SamplesPerSecond[(config >> 5) & 7];
        var elapsed = (_time.GetUtcNow() - _epoch).Ticks;
        var period = TimeSpan.TicksPerSecond / sps;
        return Convert(_epoch + TimeSpan.FromTicks(elapsed - (elapsed % period)));
    }

    private short Convert(DateTimeOffset at)
    {
        var config = _registers[1];
        var mux = (InputMultiplexer)((config >> 12) & 7);
        var fullScale = FullScale[(config >> 9) & 7];
        double volts = 0;
        if (mux == _signal.Channel)
        {
            var seconds = (at - _epoch).TotalSeconds;
            var peakVolts = _signal.RmsAmpsAt(at) * Math.Sqrt(2) / _signal.AmpsPerVolt;
            volts = _signal.OffsetVolts + (peakVolts * Math.Sin(2 * Math.PI * _signal.FrequencyHz * seconds));
            if (mux >= InputMultiplexer.AIN0)
            {
                volts = Math.Max(0, volts);
            }
        }

        var raw = Math.Round(volts / fullScale * 32768);
        return (short)Math.Clamp(raw, short.MinValue, short.MaxValue);
    }
}
