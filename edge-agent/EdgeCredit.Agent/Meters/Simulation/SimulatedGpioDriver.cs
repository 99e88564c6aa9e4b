using System.Device.Gpio;
using System.Diagnostics;

namespace EdgeCredit.Agent.Meters.Simulation;

/// <summary>
/// A GPIO chip without hardware, behind the real <see cref="GpioController"/>: pins open, take modes, read and write,
/// and raise the rising/falling callbacks registered on them. Tests drive an input with <see cref="SetInput"/> at the
/// times they choose; <see cref="RunGeneratorAsync"/> drives one with a generated pulse train in real time and keeps
/// the exact count of pulses it emitted (<see cref="GeneratedPulses"/>), the ground truth. Callbacks run synchronously
/// on the caller of <see cref="SetInput"/> (the generator's thread), one edge at a time, as the libgpiod driver's
/// event thread does.
/// </summary>
internal sealed class SimulatedGpioDriver : GpioDriver
{
    private readonly object _gate = new();
    private readonly SimulatedPin[] _pins;
    private long _generated;
    private long _callbackTicks;

    /// <param name="pinCount">Lines on the simulated chip (a Raspberry Pi's main chip has 54 lines, 28 on the header).</param>
    public SimulatedGpioDriver(int pinCount = 54)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        _pins = new SimulatedPin[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimulatedPin();
        }
    }

    /// <summary>Pulses the generator emitted so far (counted before their edges are raised).</summary>
    public long GeneratedPulses => Interlocked.Read(ref _generated);

    /// <summary>Wall time spent inside the registered callbacks (the consumer's work, for benchmarks).</summary>
    public TimeSpan CallbackTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _callbackTicks));

    protected override int PinCount => _pins.Length;

    /// <summary>Sets the level of an input as the outside world would; raises the matching callbacks when it changed.</summary>
    public void SetInput(int pinNumber, PinValue value)
    {
        var pin = Pin(pinNumber);
        PinChangeEventHandler[] handlers;
        PinEventTypes change;
        lock (_gate)
        {
            if (pin.Value == value)
            {
                return;
            }

            pin.Value = value;
            change = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            handlers = [.. pin.Callbacks.Where(c => (c.Types & change) != 0).Select(c => c.Handler)];
            pin.LastEvent = change;
            pin.EventCount++;
            Monitor.PulseAll(_gate);
        }

        var args = new PinValueChangedEventArgs(change, pinNumber);
        var started = Stopwatch.GetTimestamp();
        foreach (var handler in handlers)
        {
            handler(this, args);
        }

        Interlocked.Add(ref _callbackTicks, Stopwatch.GetTimestamp() - started);
    }

    /// <summary>
    /// Emits <paramref name="train"/> on <paramref name="pinNumber"/> in real time until cancelled, counting each pulse
    /// in <see cref="GeneratedPulses"/> (and in <paramref name="ledger"/> when given) before raising its edges.
    /// Runs on a thread of its own.
    /// </summary>
    public Task RunGeneratorAsync(int pinNumber, PulseTrain train, PulseLedger? ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(time);
        _ = Pin(pinNumber);
        var emitter = new PulseEmitter(train, time, level => SetInput(pinNumber, level), () =>
        {
            var n = Interlocked.Increment(ref _generated);
            ledger?.Append(n);
        });
        return Task.Factory.StartNew(() => emitter.Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    protected override void OpenPin(int pinNumber)
    {
        var pin = Pin(pinNumber);
        lock (_gate)
        {
            pin.IsOpen = true;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        var pin = Pin(pinNumber);
        lock (_gate)
        {
            pin.IsOpen = false;
            pin.Callbacks.Clear();
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        var pin = Pin(pinNumber);
        lock (_gate)
        {
            pin.Mode = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber) => Pin(pinNumber).Mode;

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullDown or PinMode.InputPullUp or PinMode.Output;

    protected override PinValue Read(int pinNumber) => Pin(pinNumber).Value;

    protected override void Write(int pinNumber, PinValue value) => SetInput(pinNumber, value);

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        var pin = Pin(pinNumber);
        using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        lock (_gate)
        {
            var seen = pin.EventCount;
            while (!cancellationToken.IsCancellationRequested)
            {
                Monitor.Wait(_gate);
                if (pin.EventCount != seen && (pin.LastEvent & eventTypes) != 0)
                {
                    return new WaitForEventResult { EventTypes = pin.LastEvent, TimedOut = false };
                }

                seen = pin.EventCount;
            }
        }

        return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
    }

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        var pin = Pin(pinNumber);
        lock (_gate)
        {
            pin.Callbacks.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        var pin = Pin(pinNumber);
        lock (_gate)
        {
            pin.Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private SimulatedPin Pin(int pinNumber) =>
        pinNumber >= 0 && pinNumber < _pins.Length
            ? _pins[pinNumber]
            : throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"The simulated GPIO chip has lines 0 to {_pins.Length - 1}.");

    private sealed class SimulatedPin
    {
        public bool IsOpen { get; set; }

        public PinMode Mode { get; set; } = PinMode.Input;

        public PinValue Value { get; set; } = PinValue.Low;

        public PinEventTypes LastEvent { get; set; }

        public long EventCount { get; set; }

        public List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks { get; } = [];
    }
}
