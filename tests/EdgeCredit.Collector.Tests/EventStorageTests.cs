using System.Net;
using System.Text.Json;
using EdgeCredit.Collector.Ingest;
using EdgeCredit.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCredit.Collector.Tests;

/// <summary>Events carried in signal batches: stored once with their batch, queryable per enterprise, covered by the duplicate check.</summary>
public sealed class EventStorageTests(TestCollector collector) : IClassFixture<TestCollector>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Events_Ingested_StoredOnceAndServedByTheApi()
    {
        var sequence = TestCollector.NextSequence();
        var now = DateTimeOffset.UtcNow;
        var batch = WithEvents(TestBatches.Batch(sequence, now), now);

        var first = await IngestAsync(batch);
        var resend = await IngestAsync(batch with { SentAt = now.AddSeconds(5) });

        Assert.Equal(IngestResult.Stored, first.Result);
        Assert.Equal(IngestResult.AlreadyStored, resend.Result);
        Assert.Equal(2, collector.Scalar("SELECT count(*) FROM events WHERE sequence = $s", ("$s", sequence)));
        using var response = await GetAsync($"/api/v1/enterprises/{TestBatches.Enterprise}/events?from={Uri.EscapeDataString(now.AddMinutes(-5).ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var mine = json.RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("sequence").GetInt64() == sequence).ToList();
        Assert.Equal(2, mine.Count);
        var covered = mine.Single(e => e.GetProperty("type").GetString() == "condition_started");
        Assert.Equal("covered", covered.GetProperty("condition").GetString());
        Assert.Equal(0.93, covered.GetProperty("confidence").GetDouble());
        Assert.Equal(now.AddSeconds(-12).ToUnixTimeMilliseconds(), covered.GetProperty("since").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var idle = mine.Single(e => e.GetProperty("type").GetString() == "state_changed");
        Assert.Equal("idle", idle.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, idle.GetProperty("condition").ValueKind);
    }

    [Fact]
    public async Task Events_SameSequenceDifferentEvents_QuarantinedAsDuplicateSequence()
    {
        var sequence = TestCollector.NextSequence();
        var now = DateTimeOffset.UtcNow;
        var batch = WithEvents(TestBatches.Batch(sequence, now), now);

        await IngestAsync(batch);
        var changed = await IngestAsync(batch with { Events = [batch.Events![0] with { Confidence = 0.5 }] });

        Assert.Equal(IngestResult.Quarantined, changed.Result);
        Assert.Equal(RejectReason.DuplicateSequence, changed.Reason);
        Assert.Equal(2, collector.Scalar("SELECT count(*) FROM events WHERE sequence = $s", ("$s", sequence)));
    }

    [Fact]
    public async Task Events_BadType_400NamingTheParameter()
    {
        using var response = await GetAsync($"/api/v1/enterprises/{TestBatches.Enterprise}/events?type=explosion");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("condition_started", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static SignalBatch WithEvents(SignalBatch batch, DateTimeOffset now) => batch with
    {
        Events =
        [
            new DeviceEvent { At = now.AddSeconds(-2), Source = "cam-1", Type = EventType.ConditionStarted, Condition = EventCondition.Covered, Confidence = 0.93, Since = now.AddSeconds(-12), Detail = "92 % textureless" },
            new DeviceEvent { At = now.AddSeconds(-1), Source = "press-1", Type = EventType.StateChanged, State = "idle" },
        ],
    };

    private async Task<IngestOutcome> IngestAsync(SignalBatch batch) =>
        await collector.Services.GetRequiredService<SignalIngestor>()
            .IngestSignalsAsync(TestBatches.Message(ProtocolJson.Serialize(batch)), CancellationToken.None).WaitAsync(Timeout);

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", TestCollector.ApiKey);
        return await collector.Http.SendAsync(request);
    }
}
