using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace EdgeCredit.Agent.Meters.Pulse;

/// <summary>Opens the GPIO input of a pulse meter: the driver, a controller that owns it, and the pin in its pull mode.</summary>
internal static class PulseInput
{
    /// <summary>
    /// The controller (which owns and disposes the driver) and the driver, or null after logging why the input cannot be
    /// used: the driver cannot be created (event 2203) or the pin is not on the chip (event 2202).
    /// </summary>
    public static (GpioController Controller, GpioDriver Driver)? Open(PulseMeterSettings settings, Func<GpioDriver> driverFactory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(driverFactory);
        var options = settings.Options;
        GpioDriver driver;
        try
        {
            driver = driverFactory();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PulseLog.DriverFailed(logger, options.Name, options.Chip, options.Driver, settings.Key(nameof(PulseMeterOptions.Chip)), ex.Message);
            return null;
        }

        var controller = new GpioController(driver);
        if (!OpenPin(controller, settings, logger))
        {
            controller.Dispose();
            return null;
        }

        return (controller, driver);
    }

    private static bool OpenPin(GpioController controller, PulseMeterSettings settings, ILogger logger)
    {
        var options = settings.Options;
        var key = settings.Key(nameof(PulseMeterOptions.Pin));
        var pinCount = controller.PinCount;
        if (options.Pin < 0 || options.Pin >= pinCount)
        {
            PulseLog.UnknownPin(logger, options.Name, key, options.Pin, options.Chip, $"the chip has {pinCount} lines, 0 to {pinCount - 1}");
            return false;
        }

        try
        {
            var mode = options.PullMode switch
            {
                PulsePullMode.PullUp => PinMode.InputPullUp,
                PulsePullMode.PullDown => PinMode.InputPullDown,
                _ => PinMode.Input,
            };
            controller.OpenPin(options.Pin, mode);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PulseLog.UnknownPin(logger, options.Name, key, options.Pin, options.Chip, ex.Message);
            return false;
        }
    }
}
