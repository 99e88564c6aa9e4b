using System.Buffers.Binary;
using EdgeCredit.Agent.Meters.Pulse;
using EdgeCredit.Agent.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace EdgeCredit.Agent.Tests.Meters.Pulse;

public sealed class PulseCounterStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private string CounterPath => Path.Combine(_dir.Path, "pulse", "press-1.counter");

    [Fact]
    public void Open_NoFile_CreatesDirectoryAndStartsAtZero()
    {
        using var store = PulseCounterStore.Open(CounterPath, _time);

        Assert.Equal(CounterFileState.Created, store.State);
        Assert.Equal(0, store.Pulses);
        Assert.True(File.Exists(CounterPath));
    }

    [Fact]
    public void Open_AfterRestart_HasTheLastCount()
    {
        using (var store = PulseCounterStore.Open(CounterPath, _time))
        {
            for (var n = 1; n <= 1001; n++)
            {
                store.Write(n);
            }
        }

        using var reopened = PulseCounterStore.Open(CounterPath, _time);

        Assert.Equal(CounterFileState.Loaded, reopened.State);
        Assert.Equal(1001, reopened.Pulses);
    }

    [Fact]
    public void Open_WithoutFlushOrDispose_SeesEveryWrite()
    {
        // What a SIGKILL leaves: no flush, no close; the page cache has every positional write.
        var store = PulseCounterStore.Open(CounterPath, _time);
        store.Write(1);
        store.Write(2);
        store.Write(3);

        using var other = PulseCounterStore.Open(CounterPath, _time);

        Assert.Equal(3, other.Pulses);
        store.Dispose();
    }

    [Theory]
    [InlineData(12)] // pulses
    [InlineData(4)] // sequence
    [InlineData(0)] // magic
    [InlineData(30)] // CRC
    public void Open_NewestSlotCorrupted_FallsBackToThePreviousSlot(int byteToFlip)
    {
        using (var store = PulseCounterStore.Open(CounterPath, _time))
        {
            store.Write(5); // sequence 1 -> slot 1
            store.Write(6); // sequence 2 -> slot 0
        }

        var bytes = File.ReadAllBytes(CounterPath);
        bytes[byteToFlip] ^= 0x5A;
        File.WriteAllBytes(CounterPath, bytes);

        using var reopened = PulseCounterStore.Open(CounterPath, _time);

        Assert.Equal(CounterFileState.FellBack, reopened.State);
        Assert.Equal(5, reopened.Pulses);
    }

    [Fact]
    public void Open_TornWriteThenContinue_NoLossNoDoubleCount()
    {
        using (var store = PulseCounterStore.Open(CounterPath, _time))
        {
            store.Write(41); // sequence 1 -> slot 1
            store.Write(42); // sequence 2 -> slot 0
            store.Write(43); // sequence 3 -> slot 1
        }

        // Power cut in the middle of writing sequence 3: half of slot 1 is new, half is old.
        var bytes = File.ReadAllBytes(CounterPath);
        var torn = new byte[32];
        new CounterSlot(1, 41, 0).WriteTo(torn);
        torn.AsSpan(16).CopyTo(bytes.AsSpan(32 + 16));
        File.WriteAllBytes(CounterPath, bytes);

        using (var reopened = PulseCounterStore.Open(CounterPath, _time))
        {
            Assert.Equal(42, reopened.Pulses);
            reopened.Write(43);
            reopened.Write(44);
        }

        using var again = PulseCounterStore.Open(CounterPath, _time);
        Assert.Equal(CounterFileState.Loaded, again.State);
        Assert.Equal(44, again.Pulses);
    }

    [Fact]
    public void Open_BothSlotsCorrupted_MovesTheFileAsideAndStartsAtZero()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CounterPath)!);
        File.WriteAllBytes(CounterPath, new byte[64]);

        using var store = PulseCounterStore.Open(CounterPath, _time);

        Assert.Equal(CounterFileState.Corrupted, store.State);
        Assert.Equal(0, store.Pulses);
        Assert.True(File.Exists(store.MovedAsideTo));
    }

    [Fact]
    public void Write_FileLayout_IsTheDocumentedFormat()
    {
        using (var store = PulseCounterStore.Open(CounterPath, _time))
        {
            store.Write(7); // sequence 1 -> offset 32
        }

        var bytes = File.ReadAllBytes(CounterPath);
        var slot = bytes.AsSpan(32, 32);

        Assert.Equal(64, bytes.Length);
        Assert.Equal("ECP1"u8.ToArray(), slot[..4].ToArray());
        Assert.Equal(1UL, BinaryPrimitives.ReadUInt64LittleEndian(slot[4..]));
        Assert.Equal(7L, BinaryPrimitives.ReadInt64LittleEndian(slot[12..]));
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), BinaryPrimitives.ReadInt64LittleEndian(slot[20..]));
        Assert.Equal(Crc32.Compute(slot[..28]), BinaryPrimitives.ReadUInt32LittleEndian(slot[28..]));
    }

    [Fact]
    public void Compute_StandardCheckValue_MatchesCrc32()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    public void Dispose() => _dir.Dispose();
}
