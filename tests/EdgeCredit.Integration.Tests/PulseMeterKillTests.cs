using System.Net.Sockets;
using System.Text.Json;
using EdgeCredit.Testing.Infrastructure;

namespace EdgeCredit.Integration.Tests;

/// <summary>
/// An S0 pulse meter on the simulated GPIO driver, fed with a 100 Hz pulse train with contact bounce over its wire
/// socket, and the real agent SIGKILLed in the middle of the train: the energy stored by the collector must equal the
/// pulses that reached the agent, exactly. The train is held while no agent runs (a pulse on a wire nobody listens to is
/// lost by physics, see Meters/Pulse/README.md); the kill comes while counted pulses are not yet in any stored window.
/// </summary>
public sealed class PulseMeterKillTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const double PulsesPerKwh = 1000;
    private const string Source = "main-meter";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
    private readonly TempDirectory _dir = new("pulse-kill");
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
    public async Task PulseTrain_AgentKilledMidTrainAndRestarted_EnergyStoredEqualsEnergyPulsed()
    {
        var device = DeviceSpec.Create("acme-metal", "gw-01");
        var collector = Own(await CollectorProcess.StartEmbeddedAsync(_dir.Sub("collector"), [device]));
        var agentDir = _dir.Sub("agent");
        var wire = Path.Combine(agentDir, "s0.sock");
        var counterFile = Path.Combine(agentDir, "pulse", Source + ".counter");
        var agent = Own(AgentProcess.ForEmbedded(device, agentDir, collector.MqttPort!.Value, Window,
            $"--Pulse:Meters:0:Name={Source}", "--Pulse:Meters:0:Pin=17", "--Pulse:Meters:0:Driver=Simulated",
            $"--Pulse:Meters:0:PulsesPerKwh={PulsesPerKwh}", "--Pulse:Meters:0:MinPulseWidth=00:00:00.002",
            "--Pulse:Meters:0:Simulation:PulseWidth=00:00:00.004", "--Pulse:Meters:0:Simulation:BounceEdges=6",
            $"--Pulse:Meters:0:Simulation:WireSocket={wire}"));
        agent.Start();
        await ApiWait.UntilAsync(collector, "/api/v1/devices", d => StoredBatches(d) >= 1, TimeSpan.FromSeconds(45)); // the first full window runs

        var sent = await PulseAsync(wire, 700, counterFile, alreadyCounted: 0);
        await WaitForCountAsync(counterFile, sent);
        await agent.KillAsync(); // counted pulses of the unfinished window exist only in the counter file now
        var killedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"killed after {sent} pulses; counter file holds {PulseCounterFile.ReadPulses(counterFile)}");

        agent.Start();
        sent += await PulseAsync(wire, 800, counterFile, alreadyCounted: sent);
        await WaitForCountAsync(counterFile, sent);

        var expectedKwh = sent / PulsesPerKwh;
        var signals = await ApiWait.UntilAsync(collector, "/api/v1/enterprises/acme-metal/signals?kind=energy&limit=100000",
            s => Math.Abs(EnergyOf(s) - expectedKwh) < 1e-9,
            TimeSpan.FromSeconds(45));
        var energy = Mine(signals).ToList();
        output.WriteLine($"{energy.Count} energy signals, {EnergyOf(signals):F6} kWh for {sent} pulses");

        Assert.Equal(expectedKwh, EnergyOf(signals), 9);
        // The catch-up holds the pulses counted before the kill. A window the meter did not observe whole (its source
        // not answering yet after a slow start or restart) is also a gap, with nothing in it: not a catch-up.
        var catchUp = Assert.Single(energy, e => e.GetProperty("quality").GetString() == "gap" && e.GetProperty("value").GetDouble() > 0);
        Assert.True(DateTimeOffset.Parse(catchUp.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture) < killedAt, "the catch-up signal starts before the kill");
        var windows = energy.Select(e => e.GetProperty("start").GetString()).ToList();
        Assert.Equal(windows.Count, windows.Distinct().Count()); // no window reported twice
        await agent.StopAsync();
        Assert.Empty(agent.Process.ErrorLines());
        Assert.Empty(collector.Process.ErrorLines());
    }

    /// <summary>Sends <paramref name="count"/> pulses at 100 Hz over the wire, connecting once the agent listens.</summary>
    private static async Task<int> PulseAsync(string wire, int count, string counterFile, long alreadyCounted)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(wire));
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50); // the agent is still starting: its wire socket does not exist yet
            }
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var one = new byte[] { 1 };
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(one);
            await timer.WaitForNextTickAsync();
        }

        Assert.True(PulseCounterFile.ReadPulses(counterFile) >= alreadyCounted, "the counter never goes back");
        return count;
    }

    private static async Task WaitForCountAsync(string counterFile, long expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (PulseCounterFile.ReadPulses(counterFile) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"counter file holds {PulseCounterFile.ReadPulses(counterFile)}, expected {expected}");
            await Task.Delay(20);
        }
    }

    private static IEnumerable<JsonElement> Mine(JsonElement response) =>
        response.GetProperty("signals").EnumerateArray().Where(s => s.GetProperty("source").GetString() == Source && s.GetProperty("kind").GetString() == "energy");

    private static double EnergyOf(JsonElement response) => Mine(response).Sum(s => s.GetProperty("value").GetDouble());

    private static int StoredBatches(JsonElement devices) =>
        devices.EnumerateArray().Where(d => d.GetProperty("device").GetString() == "gw-01").Select(d => d.GetProperty("storedBatches").GetInt32()).FirstOrDefault();

    private T Own<T>(T item)
        where T : IAsyncDisposable
    {
        _owned.Add(item);
        return item;
    }
}
