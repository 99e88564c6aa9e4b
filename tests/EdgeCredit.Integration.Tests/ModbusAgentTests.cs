using System.Globalization;
using System.Text.Json;
using EdgeCredit.Testing.Infrastructure;
using EdgeCredit.Testing.Servers;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// The real agent reading three Modbus TCP meters behind one real Modbus server (pymodbus, three unit ids, as behind
/// an RS-485 gateway), through the embedded broker into the collector. One slave goes silent: the other two keep
/// every window, the silent one's windows are flagged and then absent (never zeros), and it recovers.
/// </summary>
public sealed class ModbusAgentTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly TempDirectory _dir = new("modbus-agent");
    private readonly List<IAsyncDisposable> _owned = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task ThreeSlaves_OneGoesSilent_OthersKeepEveryWindowAndTheSilentOneIsFlaggedNeverZero()
    {
        var server = Own(await PymodbusServer.StartAsync("--port", "0", "--units", "1,2,3",
            "--set", "1:h:0:float32:high:10.5", "--set", "2:h:0:float32:high:20.25", "--set", "3:h:0:float32:high:30",
            "--set", "1:h:2:uint32:low:100000", "--set", "2:h:2:uint32:low:200000", "--set", "3:h:2:uint32:low:300000"));
        for (var unit = 1; unit <= 3; unit++)
        {
            await server.SendAsync($"ramp {unit} h 2 uint32 low {unit * 10} 1"); // register in Wh: +10/20/30 Wh per second
        }

        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        var args = new List<string>
        {
            "--Modbus:Models:pm:0:Quantity=Power", "--Modbus:Models:pm:0:Address=0", "--Modbus:Models:pm:0:Type=Float32",
            "--Modbus:Models:pm:1:Quantity=Energy", "--Modbus:Models:pm:1:Address=2", "--Modbus:Models:pm:1:Type=UInt32",
            "--Modbus:Models:pm:1:WordOrder=LowFirst", "--Modbus:Models:pm:1:Scale=0.001",
        };
        for (var i = 0; i < 3; i++)
        {
            args.AddRange([$"--Modbus:Meters:{i}:Name=pm-{i + 1}", $"--Modbus:Meters:{i}:Host=127.0.0.1", $"--Modbus:Meters:{i}:Port={server.Port}",
                $"--Modbus:Meters:{i}:UnitId={i + 1}", $"--Modbus:Meters:{i}:Model=pm", $"--Modbus:Meters:{i}:PollInterval=00:00:00.500",
                $"--Modbus:Meters:{i}:Timeout=00:00:00.400", $"--Modbus:Meters:{i}:StaleAfter=00:00:01.500"]);
        }

        var agent = Own(AgentProcess.ForEmbedded(device, _dir.Sub("agent"), collector.MqttPort!.Value, Window, [.. args]));
        agent.Start();
        await ApiWait.UntilAsync(collector, SignalsPath, s => Windows(s, "pm-2").Count >= 3, TimeSpan.FromSeconds(60));

        await server.SendAsync("mute 2");
        var mutedAt = DateTimeOffset.UtcNow;
        await ApiWait.UntilAsync(collector, SignalsPath, s => Windows(s, "pm-1").Count(w => w.Start > mutedAt + Window) >= 4, TimeSpan.FromSeconds(60));
        await server.SendAsync("unmute 2");
        var unmutedAt = DateTimeOffset.UtcNow;
        var final = await ApiWait.UntilAsync(collector, SignalsPath, s => Windows(s, "pm-2").Count(w => w.Start > unmutedAt + Window && w.Quality == "good") >= 2, TimeSpan.FromSeconds(60));

        foreach (var source in new[] { "pm-1", "pm-3" })
        {
            var windows = Windows(final, source);
            output.WriteLine($"{source}: {windows.Count} windows, qualities {string.Join(",", windows.Select(w => w.Quality).Distinct())}");
            Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.Equal(pair.First.Start + Window, pair.Second.Start)); // not one window missed
            // The first may start before the first poll answered; on a loaded CI machine one late poll may flag a window,
            // which is an honest observation, so the live meters must be good in nearly every window, not in all.
            Assert.True(windows.Skip(1).Count(w => w.Quality == "good") >= (windows.Count - 1) * 0.9, string.Join(",", windows.Select(w => w.Quality)));
        }

        var silent = Windows(final, "pm-2");
        output.WriteLine("pm-2: " + string.Join(" ", silent.Select(w => $"{w.Start:HH:mm:ss}={w.Quality}/{w.PowerAvg}")));
        var during = silent.Where(w => w.Start >= mutedAt + TimeSpan.FromSeconds(2) && w.Start + Window <= unmutedAt).ToList(); // past StaleAfter
        var seen = string.Join(" ", silent.Select(w => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.Start:HH:mm:ss.f}={w.Quality}"))) + string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (muted {mutedAt:HH:mm:ss.f}, unmuted {unmutedAt:HH:mm:ss.f})");
        // While silent, pm-2 reports nothing (a window with no good sample is missing, never zero) or, in a window that
        // mixes good samples with samples past StaleAfter (going silent or coming back), says stale. Whether such a mixed
        // window occurs depends on where the mute falls between the 1 s samples, so either is right; a good one is not.
        Assert.True(silent.Any(w => w.Quality == "stale") || during.Count == 0, "pm-2 reported while silent without a stale flag: " + seen);
        Assert.True(silent.Count < Windows(final, "pm-1").Count, "the silent meter has fewer windows: none while it was silent: " + seen);
        Assert.True(during.All(w => w.Quality != "good"), "a good pm-2 window while it was silent: " + seen);
        Assert.All(silent.Where(w => w.Quality == "good"), w => Assert.Equal(20.25, w.PowerAvg, 3)); // never a silent zero
        // 10 Wh/s over a 2 s window, from the register: the server steps it once a second, so a window holds 1-3 steps
        // (a late poll or a late step on a loaded machine moves one step to the next window); nothing lost or doubled
        // overall: the windows after the first add up to 10 Wh per second of their span, within three steps (the first
        // and last samples each within a poll or two of their window ends, plus the steps themselves).
        var metered = Windows(final, "pm-1").Where(w => w.EnergyKwh is not null).Skip(1).ToList();
        var energy = string.Join(",", metered.Select(w => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.EnergyKwh:F3}")));
        Assert.True(metered.All(w => w.EnergyKwh is >= 0.0 and <= 0.040), "pm-1 window energy outside 0-40 Wh: " + energy);
        Assert.InRange(metered.Sum(w => w.EnergyKwh!.Value), (metered.Count * 0.020) - 0.031, (metered.Count * 0.020) + 0.031);
        await agent.StopAsync();
        Assert.Empty(collector.Process.ErrorLines());
    }

    private static string SignalsPath => "/api/v1/enterprises/acme-metal/signals?limit=100000";

    private static List<MeterWindow> Windows(JsonElement response, string source)
    {
        var mine = response.GetProperty("signals").EnumerateArray().Where(s => s.GetProperty("source").GetString() == source).ToList();
        return mine.Where(s => s.GetProperty("kind").GetString() == "power_avg")
            .Select(s =>
            {
                var start = DateTimeOffset.Parse(s.GetProperty("start").GetString()!, CultureInfo.InvariantCulture);
                var energy = mine.FirstOrDefault(e => e.GetProperty("kind").GetString() == "energy" && e.GetProperty("start").GetString() == s.GetProperty("start").GetString());
                return new MeterWindow(start, s.GetProperty("quality").GetString()!, s.GetProperty("value").GetDouble(),
                    energy.ValueKind == JsonValueKind.Object ? energy.GetProperty("value").GetDouble() : null);
            })
            .OrderBy(w => w.Start)
            .ToList();
    }

    private T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }

    private sealed record MeterWindow(DateTimeOffset Start, string Quality, double PowerAvg, double? EnergyKwh);
}
