using System.Collections.Concurrent;
using EdgeCredit.Agent.Meters.Modbus;
using EdgeCredit.Agent.Tests.Support;
using EdgeCredit.Protocol;

namespace EdgeCredit.Agent.Tests.Meters.Modbus;

/// <summary>Meters polled on their real schedule against a real server that loses a slave or goes away.</summary>
[Collection(ModbusCollection.Name)]
public sealed class ModbusMeterOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly TestLog _log = new(output);

    [Fact]
    public async Task RunAsync_OneOfThreeSlavesBehindAGatewayDies_OthersKeepTheirScheduleDeadOneStaleThenRecovers()
    {
        // Three slaves behind one host:port (a gateway), the middle one stops answering: requests to it get no answer.
        await using var gateway = await ModbusServerProcess.StartAsync(
            [.. ModbusTestModels.MeterValues(1, 1000, 1), .. ModbusTestModels.MeterValues(2, 2000, 2), .. ModbusTestModels.MeterValues(3, 3000, 3)]);
        // 500 ms polls with a 300 ms timeout: room for a CI machine busy with other test processes (the schedule itself
        // is tested on a fake clock elsewhere).
        var interval = TimeSpan.FromMilliseconds(500);
        var meters = Enumerable.Range(1, 3)
            .Select(unit => new ModbusMeter(ModbusTestModels.Setup(ModbusTestModels.MeterOptions($"m{unit}", gateway.Port, unit, interval, TimeSpan.FromMilliseconds(300))), TimeProvider.System, _log.For<ModbusMeter>()))
            .ToArray();
        var lateness = meters.Select(_ => new ConcurrentQueue<TimeSpan>()).ToArray();
        for (var i = 0; i < meters.Length; i++)
        {
            var queue = lateness[i];
            meters[i].PollStarted = late => queue.Enqueue(late);
        }

        using var stop = new CancellationTokenSource();
        var runs = meters.Select(m => m.RunAsync(stop.Token)).ToArray();
        try
        {
            await Eventually.TrueAsync(() => meters.All(m => m.Snapshot().GoodPolls >= 2), "all three meters answer");
            await gateway.MuteAsync(2);
            var goodBefore = meters.Select(m => m.Snapshot().GoodPolls).ToArray();
            var watchEnd = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(4);
            var maxAge = new TimeSpan[3];
            while (DateTimeOffset.UtcNow < watchEnd)
            {
                foreach (var i in new[] { 0, 2 })
                {
                    var age = DateTimeOffset.UtcNow - meters[i].Snapshot().LastGoodAt!.Value;
                    maxAge[i] = age > maxAge[i] ? age : maxAge[i];
                    var quality = (await meters[i].ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value.Quality;
                    Assert.True(quality == SignalQuality.Good, $"living meter {meters[i].Name} turned {quality} while m2 was dead");
                }

                await Task.Delay(20);
            }

            var goodDuring = meters.Select((m, i) => m.Snapshot().GoodPolls - goodBefore[i]).ToArray();
            var dead = (await meters[1].ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;
            var alive = (await meters[2].ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value;
            output.WriteLine($"good polls in 4 s: {string.Join(", ", goodDuring)}; max age of the last good poll: {maxAge[0].TotalMilliseconds:0} / {maxAge[2].TotalMilliseconds:0} ms");
            output.WriteLine($"poll start lateness, ms: {string.Join(" | ", lateness.Select(q => string.Join(" ", q.Select(l => l.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))))}");
            output.WriteLine(string.Join("\n", meters.Select(m => m.Snapshot().ToString())));

            // About 8 ticks in 4 s: the living meters keep (nearly) all of them and never turn stale (1.5 s) while
            // the dead slave's requests time out after 300 ms each (a machine shared with other builds adds noise).
            Assert.InRange(goodDuring[0], 6, 9);
            Assert.InRange(goodDuring[2], 6, 9);
            Assert.InRange(goodDuring[1], 0, 1);
            Assert.True(maxAge[0] < interval * 3 && maxAge[2] < interval * 3, $"living meters' last good poll got {maxAge[0]} / {maxAge[2]} old");
            Assert.Equal(SignalQuality.Stale, dead.Quality);
            Assert.Equal((SignalQuality.Good, 3.0), (alive.Quality, alive.Kilowatts));
            Assert.True(meters[1].Snapshot().Timeouts >= 5);
            // The dead slave must not make the living ones time out. One timeout of the living pair is allowed: on a CI
            // machine busy with other test processes a 300 ms answer from the (Python) server is occasionally late.
            Assert.InRange(meters[0].Snapshot().Timeouts + meters[2].Snapshot().Timeouts, 0, 1);

            await gateway.UnmuteAsync(2);
            await Eventually.TrueAsync(async () => (await meters[1].ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))?.Quality == SignalQuality.Good, "the slave recovers");
            Assert.Equal(2.0, (await meters[1].ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value.Kilowatts);
            Assert.Single(_log.Entries, e => e.EventId == 2405);
            Assert.Single(_log.Entries, e => e.EventId == 2406);
            _log.AssertNoUnexpectedErrors();
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10));
            foreach (var meter in meters)
            {
                meter.Dispose();
            }
        }
    }

    [Fact]
    public async Task RunAsync_ServerStoppedAndStartedAgain_StaleWhileDownThenGoodOnANewConnection()
    {
        await using var server = await ModbusServerProcess.StartAsync([.. ModbusTestModels.MeterValues(1, 4000, 50)]);
        using var meter = new ModbusMeter(ModbusTestModels.Setup(ModbusTestModels.MeterOptions("press-1", server.Port, 1, Interval, TimeSpan.FromMilliseconds(150))), TimeProvider.System, _log.For<ModbusMeter>());
        _log.ExpectError(2404);
        using var stop = new CancellationTokenSource();
        var run = meter.RunAsync(stop.Token);
        try
        {
            await Eventually.TrueAsync(() => meter.Snapshot().GoodPolls >= 2, "the meter answers");
            await server.StopListeningAsync();
            await Eventually.TrueAsync(async () => (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))?.Quality == SignalQuality.Stale, "stale while the server is down");
            // It keeps trying while the server is down. A fresh-clone run turned stale with only one connection failure
            // counted, so this waits for a second one instead of assuming it came before the readings turned stale.
            await Eventually.TrueAsync(() => meter.Snapshot().ConnectionFailures >= 2, "a second connection failure while the server is down");
            await server.StartListeningAsync();
            await Eventually.TrueAsync(async () => (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))?.Quality == SignalQuality.Good, "good again");

            Assert.True(meter.Snapshot().Reconnects >= 1);
            Assert.Equal(4.0, (await meter.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None))!.Value.Kilowatts);
            Assert.Single(_log.Entries, e => e.EventId == 2404);
            Assert.Single(_log.Entries, e => e.EventId == 2406);
            _log.AssertNoUnexpectedErrors();
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
